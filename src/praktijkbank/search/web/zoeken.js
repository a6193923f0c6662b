/*
 * The Praktijkbank search worker: Material's search box, Dutch search behind it.
 *
 * Material for MkDocs runs search in a web worker and talks to it with four messages
 * (SETUP with the index, READY, QUERY with the typed text, RESULT with the items to
 * show). This worker answers those messages in place of Material's own, so the search
 * box, its keyboard handling and its result list stay as visitors know them.
 *
 * The index (search/search_index.json) is written at build time by
 * src/praktijkbank/search/site_index.py: every document's words are already folded,
 * stemmed and split into compound parts there. This worker only analyses the query,
 * with the same rules (dutch.js), and ranks with lunr exactly as
 * src/praktijkbank/search/engine.py does for `praktijkbank zoek`.
 *
 * Built into one file with lunr and dutch.js (no importScripts), so it also runs
 * where workers are emulated, such as the offline bundle opened from disk.
 */
(function () {
  "use strict";

  var Dutch = PraktijkbankDutch;
  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };  // Material's SearchMessageType
  var KIND_PRACTICE = "praktijk";
  var SNIPPET_WORDS = 32;  // words shown around the first match in a long page section
  // Results whose words are marked. Material shows ten results and more while scrolling;
  // marking a thousand would make every key slow on a large site, so further down the
  // list results come without marks.
  var MARKED_RESULTS = 50;

  var state = null;  // { settings, sets: [{ docs, index }] }

  /* --- index ------------------------------------------------------------------------------- */

  function buildIndex(docs, settings) {
    var builder = new lunr.Builder();
    builder.ref("ref");
    Object.keys(settings.fields).forEach(function (name) {
      builder.field(name, { boost: settings.fields[name] });
    });
    docs.forEach(function (doc, position) {
      var entry = { ref: String(position) };
      Object.keys(settings.fields).forEach(function (name) {
        var value = doc.terms[name] || "";
        entry[name] = value ? value.split(" ") : [];
      });
      builder.add(entry);
    });
    return builder.build();
  }

  function setup(data) {
    var settings = data.config.praktijkbank;
    if (!settings) throw new Error("search_index.json has no Praktijkbank search settings");
    // Cards and other pages are ranked in separate indexes, so the cards' ranking is the
    // same as that of `praktijkbank zoek`, which knows only the cards.
    var cards = data.docs.filter(function (d) { return d.kind === KIND_PRACTICE; });
    var pages = data.docs.filter(function (d) { return d.kind !== KIND_PRACTICE; });
    state = {
      settings: settings,
      sets: [[cards, 1], [pages, settings.pageWeight]].filter(function (set) { return set[0].length; })
        .map(function (set) {
          return { docs: set[0], weight: set[1], index: buildIndex(set[0], settings), display: new Map() };
        })
    };
  }

  /* --- query (mirror of engine.py) ---------------------------------------------------------- */

  function queryWords(query) {
    var found = Dutch.words(query);
    var result = [];
    found.forEach(function (word, position) {
      var stop = Dutch.isStopWord(word);
      if (stop && position < found.length - 1) return;
      result.push({ text: word, stem: Dutch.stem(word), required: !stop });
    });
    return result;
  }

  function wordResults(index, word, s) {
    var trailing = lunr.Query.wildcard.TRAILING;
    var results = index.query(function (q) {
      if (word.required) {
        q.term(word.stem, { boost: s.exactBoost, usePipeline: false });
        q.term(word.stem, { boost: s.prefixBoost, usePipeline: false, wildcard: trailing });
      }
      if (word.text.indexOf(word.stem) !== 0 || !word.required)  // else the stem's prefix covers it
        q.term(word.text, { boost: s.prefixBoost, usePipeline: false, wildcard: trailing });
    });
    if (!results.length && word.required && word.text.length >= s.fuzzyMinLength)
      results = index.query(function (q) {
        q.term(word.stem, { boost: s.fuzzyBoost, usePipeline: false, editDistance: 1 });
      });
    if (!results.length && word.required) {
      var parts = splitInTwo(word.text, s.splitMinPart, function (term) {
        return Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
      });
      if (parts)
        results = index.query(function (q) {
          parts.forEach(function (part) {
            q.term(part, { boost: s.exactBoost, usePipeline: false, presence: lunr.Query.presence.REQUIRED });
          });
        });
    }
    return results;
  }

  function splitInTwo(text, minPart, isTerm) {
    for (var cut = minPart; cut <= text.length - minPart; cut++) {
      var first = Dutch.stem(text.slice(0, cut)), second = Dutch.stem(text.slice(cut));
      if (isTerm(first) && isTerm(second)) return [first, second];
    }
    return null;
  }

  function rank(index, words, s) {
    var scores = new Map(), matched = new Map();
    words.forEach(function (word, number) {
      wordResults(index, word, s).forEach(function (result) {
        var ref = Number(result.ref);
        scores.set(ref, (scores.get(ref) || 0) + result.score);
        if (!matched.has(ref)) matched.set(ref, new Set());
        matched.get(ref).add(number);
      });
    });
    var required = [];
    words.forEach(function (word, number) { if (word.required) required.push(number); });
    var hits = [];
    scores.forEach(function (score, ref) {
      var found = matched.get(ref);
      var coverage = required.length
        ? required.filter(function (n) { return found.has(n); }).length / required.length
        : 1;
      if (coverage > 0) hits.push({ ref: ref, score: score * Math.pow(coverage, s.coveragePower), matched: found });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return hits;
  }

  /* --- what the result list shows ------------------------------------------------------------ */

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function withinOneEdit(a, b) {  // Damerau: one insertion, deletion, substitution or swap
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) ||
      a.slice(i + 1) === b.slice(i) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  function wordMatches(word, wordStem, q, s) {
    if (word === q.text || wordStem === q.stem) return true;
    if (word.indexOf(q.text) === 0 || wordStem.indexOf(q.stem) === 0) return true;
    if (q.required && q.stem.length >= 4 && word.indexOf(q.stem) > 0) return true;  // compound part
    return q.required && q.text.length >= s.fuzzyMinLength && withinOneEdit(wordStem, q.stem);
  }

  // The words of a display text with their analysis, computed once per document.
  // Punctuation around a word stays outside its highlight.
  function analysedWords(text) {
    var tokens = [], pattern = /[^\s\u00a0]+/g, match;
    while ((match = pattern.exec(text))) {
      var parts = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(match[0]);
      tokens.push({
        lead: parts[1], core: parts[2], trail: parts[3],
        forms: Dutch.words(parts[2]).map(function (w) { return [w, Dutch.stem(w)]; })
      });
    }
    return tokens;
  }

  function display(set, ref) {
    var cached = set.display.get(ref);
    if (!cached) {
      var doc = set.docs[ref];
      cached = { title: analysedWords(doc.title), text: analysedWords(doc.text) };
      set.display.set(ref, cached);
    }
    return cached;
  }

  // Marks the matching words; keeps at most SNIPPET_WORDS words around the first match.
  function highlight(tokens, words, s, found, limit) {
    var marks = tokens.map(function (token) {
      var hit = null;
      words.forEach(function (q) {
        token.forms.forEach(function (form) {
          if (!hit && wordMatches(form[0], form[1], q, s)) hit = q;
        });
      });
      if (hit) found.push([hit, token.core]);
      return hit !== null;
    });
    var from = 0, to = tokens.length;
    if (limit && tokens.length > limit) {
      var first = Math.max(0, marks.indexOf(true));
      from = Math.max(0, Math.min(first - 8, tokens.length - limit));
      to = from + limit;
    }
    var html = tokens.slice(from, to).map(function (token, i) {
      var core = escapeHtml(token.core);
      return escapeHtml(token.lead) + (marks[from + i] ? "<mark>" + core + "</mark>" : core) + escapeHtml(token.trail);
    }).join(" ");
    return (from > 0 ? "… " : "") + html + (to < tokens.length ? " …" : "");
  }

  function item(set, hit, words, s, marked) {
    var doc = set.docs[hit.ref];
    var found = [], title, text;
    if (marked) {
      var shown = display(set, hit.ref);
      title = highlight(shown.title, words, s, found, 0);
      text = highlight(shown.text, words, s, found, doc.kind === KIND_PRACTICE ? 0 : SNIPPET_WORDS);
    } else {
      title = escapeHtml(doc.title);
      text = escapeHtml(doc.kind === KIND_PRACTICE ? doc.text : doc.text.split(/\s+/).slice(0, SNIPPET_WORDS).join(" "));
    }
    // Material shows missing words struck through, and sends the matched ones to the
    // page it opens, which highlights them there ("search.highlight").
    var terms = {};
    words.forEach(function (q, number) {
      if (!q.required) return;
      if (!hit.matched.has(number)) { terms[q.text] = false; return; }
      var forms = found.filter(function (f) { return f[0] === q && f[1]; }).map(function (f) { return f[1]; });
      (forms.length ? forms : [q.text]).forEach(function (form) { terms[form] = true; });
    });
    return { location: doc.location, title: title, text: text, score: hit.score, terms: terms };
  }

  function pageOf(location) {
    return location.split("#")[0];
  }

  function search(query) {
    var s = state.settings;
    var words = queryWords(query);
    if (!words.length) return { items: [] };
    var scored = [];
    state.sets.forEach(function (set) {
      rank(set.index, words, s).forEach(function (hit) {
        hit.score *= set.weight;
        scored.push({ set: set, hit: hit });
      });
    });
    scored.sort(function (a, b) { return b.hit.score - a.hit.score; });
    // One group per page, as Material expects: the page first, then its matching sections.
    var groups = new Map();
    scored.forEach(function (entry, position) {
      var result = item(entry.set, entry.hit, words, s, position < MARKED_RESULTS);
      var page = pageOf(result.location);
      if (!groups.has(page)) groups.set(page, []);
      groups.get(page).push(result);
    });
    groups.forEach(function (items, page) {
      if (!items.some(function (i) { return i.location === page; })) {
        var article = state.sets.map(function (set) {
          return set.docs.find(function (d) { return d.location === page; });
        }).find(Boolean);
        if (article)
          items.push({ location: article.location, title: escapeHtml(article.title), text: "", score: 0, terms: {} });
      }
    });
    return { items: Array.from(groups.values()) };
  }

  /* --- messages ------------------------------------------------------------------------------ */

  // Only the latest query is answered: while the visitor types faster than a search
  // runs, the words typed in between are skipped instead of queueing up.
  var pendingQuery = null;
  var answerScheduled = false;

  function answer() {
    answerScheduled = false;
    var query = pendingQuery;
    pendingQuery = null;
    var data;
    try {
      data = state ? search(query) : { items: [] };
    } catch (error) {
      console.warn("Zoeken mislukt voor '" + query + "':", error);
      data = { items: [] };
    }
    postMessage({ type: MESSAGE.RESULT, data: data });
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === MESSAGE.SETUP) {
      try {
        setup(message.data);
      } catch (error) {
        console.warn("Zoekindex kon niet worden geladen:", error);
      }
      postMessage({ type: MESSAGE.READY });
    } else if (message.type === MESSAGE.QUERY) {
      pendingQuery = message.data;
      if (!answerScheduled) {
        answerScheduled = true;
        setTimeout(answer, 0);
      }
    }
  });

  // For tests: the same ranking without the worker messages.
  self.PraktijkbankSearch = { setup: setup, search: search, queryWords: queryWords };
})();
