"""mkdocs hooks, one file per feature (listed in mkdocs.yml under ``hooks:``).

* recorded_note.py: the "recorded with" note under each title, CPU/CUDA output tabs,
  folded long outputs;
* compat_note.py: under every snippet, which torch releases it runs on (snippets/compat.json);
  the compat reference page's table and the home page's supported range;
* raw_snippets.py: code block titles link to the raw snippet file, copied into the site;
* figures.py: a snippet's recorded figures (SVG) shown under its code, with alt text;
* zh_comments.py: Chinese pages (their code blocks, copy buttons and raw-file links) show
  the snippets with Chinese comments (tools/zh_comments.py);
* notebooks.py: every page's generated Jupyter notebook (rendered by mkdocs-jupyter);
* search_split.py: one search index per language (mkdocs-static-i18n merges them);
* theme_material.py: everything that depends on Material for MkDocs' internals (its page
  config, its search worker, its offline plugin), kept small and in one place.

common.py holds what several hooks share. Nothing here needs torch.
"""
