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
  var KIND_PAGE = "pagina";
  var TITLE_FIELD = "titel";
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
      sets: [cards, pages].map(function (docs, order) {
        return { docs: docs, order: order, index: docs.length ? buildIndex(docs, settings) : null, display: new Map() };
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

  function scored(index, words, s) {
    var found = new Map();
    words.forEach(function (word, number) {
      wordResults(index, word, s).forEach(function (result) {
        var ref = Number(result.ref);
        var entry = found.get(ref);
        if (!entry) {
          entry = { score: 0, matched: new Set(), inTitle: new Set(), titleTerms: new Set() };
          found.set(ref, entry);
        }
        entry.score += result.score;
        entry.matched.add(number);
        var metadata = result.matchData.metadata;
        Object.keys(metadata).forEach(function (term) {
          if (Object.prototype.hasOwnProperty.call(metadata[term], TITLE_FIELD)) {
            entry.inTitle.add(number);
            entry.titleTerms.add(term);
          }
        });
      });
    });
    return found;
  }

  function hasAll(set, items) {
    return items.every(function (item) { return set.has(item); });
  }

  function pageTier(doc, entry, required, everyWord, tiers) {
    if (required.length && hasAll(entry.inTitle, required)) {  // every query word is in its title
      if ((doc.names || []).some(function (name) { return name.length && hasAll(entry.titleTerms, name); }))
        return tiers.named;  // ... and the query covers the title: asked for by name
      return tiers.page;
    }
    if (doc.kind === KIND_PAGE && everyWord) return tiers.page;
    return tiers.fallback;
  }

  // The order of engine.search: tier, words matched, score, cards before pages, document order.
  function rank(words, s) {
    var tiers = s.tiers;
    var required = [];
    words.forEach(function (word, number) { if (word.required) required.push(number); });
    var hits = [];
    state.sets.forEach(function (set) {
      if (!set.index) return;
      scored(set.index, words, s).forEach(function (entry, ref) {
        var matched = required.filter(function (n) { return entry.matched.has(n); }).length;
        var coverage = required.length ? matched / required.length : 1;
        if (coverage === 0) return;
        var everyWord = matched === required.length;
        var tier = set.order === 0
          ? (everyWord ? tiers.allWords : tiers.someWords)
          : pageTier(set.docs[ref], entry, required, everyWord, tiers);
        hits.push({ set: set, ref: ref, tier: tier, count: matched, matched: entry.matched,
                    score: entry.score * Math.pow(coverage, s.coveragePower) });
      });
    });
    hits.sort(function (a, b) {
      return a.tier - b.tier || b.count - a.count || b.score - a.score || a.set.order - b.set.order || a.ref - b.ref;
    });
    if (hits.some(function (hit) { return hit.set.order === 0; }))  // the other pages only when no card matches
      hits = hits.filter(function (hit) { return hit.tier < tiers.fallback; });
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
    // Material sends the matched words to the page it opens, which highlights them there
    // ("search.highlight"). Words a result lacks are left out: Material would show them
    // struck through after "Ontbreekt:", which puzzles readers. The cards that match every
    // word come first; the marks show which words a later result has.
    var terms = {};
    words.forEach(function (q, number) {
      if (!q.required || !hit.matched.has(number)) return;
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
    // One group per page, as Material expects: the page first, then its matching sections.
    var groups = new Map();
    rank(words, s).forEach(function (hit, position) {
      var result = item(hit.set, hit, words, s, position < MARKED_RESULTS);
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
