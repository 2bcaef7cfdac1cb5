pytest_plugins = ["tools.pytest_snippets"]
