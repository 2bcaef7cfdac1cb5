/* Appended to Material for MkDocs' search worker by recorded_docs/mkdocs/material.py.
 *
 * Material appends a wildcard to every word a reader types ("gradients" is sent to
 * lunr as "gradients*"), and lunr runs no pipeline, so no stemmer, on a wildcard
 * term. Against an index of stems ("gradient", "paramet", "freez") a typed word
 * then only matches when it happens to be a prefix of its own stem: "gradient"
 * finds pages, "gradients", "parameters", "freeze" and "torchvision" find none.
 * Without the stemmer in the index (Material's English default) "gradients" still
 * misses the pages that say "gradient", and "freezing" those that say "freeze".
 *
 * So, in both directions:
 * - the index keeps every word as written and adds its stem (same position), so
 *   what a reader is still typing matches the word as written, and inflected forms
 *   meet at the stem;
 * - a typed word is searched from the common start of the word and its stem
 *   ("gradients*" -> "gradient*", "freezing*" -> "freez*"), which covers both;
 * - a position matched through both the word and its stem is highlighted once.
 * Words without a Latin letter (Chinese, cut by jieba at build time) are untouched.
 */
;(function (lunr) {
  if (typeof lunr === "undefined" || lunr.keepWordAndStem)
    return
  var porter = lunr.stemmer
  var latin = /[a-z]/

  /* Where Material's tokenizer found a token: [start, end] in its field, or null. */
  var span = function (token) {
    var table = lunr.tokenizer.table
    var position = token && token.metadata && token.metadata.position
    if (!table || typeof position !== "number")
      return null
    var row = table[position >>> 20]
    var entry = row && row[position & 0xFFFFF]
    if (typeof entry !== "number")
      return null
    var start = entry >>> 12
    return [start, start + (entry >>> 2 & 0x3FF)]
  }
  var adjacent = function (a, b) {
    var x = span(a), y = span(b)
    return !!(x && y && x[1] === y[0])
  }

  /* Index: the word as written, then its stem when that differs. The separator
     splits camelCase (CrossEntropyLoss -> cross, entropy, loss) with nothing in
     between: the whole word is kept too, for a reader who types it in lowercase. */
  var keepWordAndStem = function (token, i, tokens) {
    var word = token.toString()
    if (!latin.test(word))
      return token
    var stem = porter(token.clone())
    var out = stem.toString() === word ? [token] : [token, stem]
    if (tokens && !(i > 0 && adjacent(tokens[i - 1], token))) {
      var whole = word
      for (var j = i + 1; j < tokens.length && adjacent(tokens[j - 1], tokens[j]); j++)
        whole += tokens[j].toString()
      if (whole !== word)
        out.push(new lunr.Token(whole, token.metadata))
    }
    return out.length === 1 ? token : out
  }
  lunr.Pipeline.registerFunction(keepWordAndStem, "stemmer-keep-word")
  lunr.keepWordAndStem = keepWordAndStem
  lunr.stemmer = keepWordAndStem  /* what lunr, lunr.multiLanguage and Material use */

  /* Query: "word*" is searched as "<common start of word and its stem>*"; an
     English stop word ("a", "to", "how") as itself, not as the start of every word
     that begins with it, which would rank a question's pages by its small words. */
  var stopWord = lunr.stopWordFilter
  var nextClause = lunr.QueryParser.prototype.nextClause
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause
    /* the sentinel of search_worker_prologue.js, where Material kept it in a term */
    if (clause.term)
      clause.term = clause.term.replace(/\u3007(?=\*?$)/, "")
    var match = /^([^*]+)\*$/.exec(clause.term || "")
    if (match && latin.test(match[1]) && !stopWord(new lunr.Token(match[1]))) {
      clause.term = match[1]
    } else if (match && latin.test(match[1])) {
      var word = match[1]
      var stem = porter(new lunr.Token(word)).toString()
      var common = 0
      while (common < word.length && word[common] === stem[common])
        common++
      if (common >= 3 && common < word.length)
        clause.term = word.slice(0, common) + "*"
    }
    return nextClause.apply(this, arguments)
  }

  /* Query: the glossary's field (recorded_docs.glossary) answers only the whole
     query (below): a query that merely contains a term's word ("最佳检查点", best
     checkpoint) must not land on that term's section (检查点) for that word alone. */
  var addClause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (clause) {
    if (clause && clause.wholeQuery !== true)
      clause.fields = (clause.fields || this.allFields).filter(function (field) {
        return field !== "terms"
      })
    return addClause.apply(this, arguments)
  }

  /* Query: the whole query as typed, its words run together, against the glossary's
     field (recorded_docs.glossary: each term's section carries its names joined, e.g.
     "minibatchsgd"), so that "mini-batch SGD" finds its section and "mini-batch" the
     other one. Taken from the query string, before words become prefixes or stems.
     Optional and exact: it only ranks. */
  var indexSearch = lunr.Index.prototype.search
  lunr.Index.prototype.search = function (queryString) {
    if (this.fields.indexOf("terms") === -1)
      return indexSearch.apply(this, arguments)
    /* Material repeats a word that contains a separator ("mini-batch" is sent as
       "mini-batch* mini-batch*"): each word once, in order. */
    var seen = {}, words = []
    String(queryString).toLowerCase().replace(/[\u3007*+~^]/g, "").split(/\s+/)
      .forEach(function (word) {
        if (word && !seen[word]) {
          seen[word] = true
          words.push(word)
        }
      })
    var joined = words.join(" ").split(lunr.tokenizer.separator).join("")
    return this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse()
      if (joined)
        query.clause({
          term: joined,
          fields: ["terms"],
          boost: 100,
          usePipeline: false,
          wildcard: lunr.Query.wildcard.NONE,
          presence: lunr.Query.presence.OPTIONAL,
          wholeQuery: true
        })
    })
  }

  /* Results: one position, one highlight, whichever of word or stem matched it. */
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function () {
    var results = query.apply(this, arguments)
    for (var r = 0; r < results.length; r++) {
      var metadata = results[r].matchData.metadata, seen = {}
      for (var term in metadata)
        for (var field in metadata[term]) {
          var data = metadata[term][field]
          if (data && data.position)
            data.position = data.position.filter(function (position) {
              var key = field + ":" + position
              return seen[key] ? false : (seen[key] = true)
            })
        }
    }
    return results
  }
})(self.lunr)
