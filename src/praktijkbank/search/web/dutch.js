/*
 * Dutch text analysis for search, in the browser: a line-by-line mirror of
 * src/praktijkbank/search/dutch.py (read that module's docstring for the rules).
 * The tests run both on the same words and require the same answers.
 */
var PraktijkbankDutch = (function () {
  "use strict";

  var STOP_WORDS = new Set((
    "aan al als bij dan dat de deze die dit door een en er had heb hebben heeft het hij hoe hun " +
    "ik in is je kan kon maar met na naar niet nog nu of om ons ook op over te tot u uit van " +
    "veel voor was wat we wel werd wie wij wordt worden zal ze zich zij zijn zo zou"
  ).split(" "));

  var MIN_WORD_LENGTH = 2;
  var VOWELS = "aeiouy";
  var SPECIAL_LETTERS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i" };

  function fold(text) {
    var lower = text.toLowerCase().replace(/[ßæœøłđı]/g, function (c) { return SPECIAL_LETTERS[c]; });
    return lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    var folded = fold(text).replace(/[\u2019\u2018`´]/g, "'").replace(/([a-z0-9])'s\b/g, "$1");
    return folded.split(/[^a-z0-9]+/).filter(function (w) { return w.length >= MIN_WORD_LENGTH; });
  }

  function isStopWord(word) {
    return STOP_WORDS.has(word);
  }

  /* --- the stemmer ------------------------------------------------------------------------ */

  function isVowel(c) {
    return c !== undefined && c !== "" && VOWELS.indexOf(c) >= 0;
  }

  function endsWith(word, suffix) {
    return word.slice(-suffix.length) === suffix;
  }

  function stem(word) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
    if (endsWith(word, "ieen")) word = word.slice(0, -2);
    else if (endsWith(word, "ies") && word.length > 5) word = word.slice(0, -1);
    word = markConsonants(word);
    var regions = regionsOf(word), p1 = regions[0], p2 = regions[1];
    word = step1(word, p1);
    var afterStep2 = step2(word, p1);
    word = step3a(afterStep2[0], p1, p2);
    word = step3b(word, p1, p2, afterStep2[1]);
    word = step4(word);
    word = word.replace(/I/g, "i").replace(/Y/g, "y");
    return finalSpelling(word);
  }

  function markConsonants(word) {
    var chars = word.split("");
    for (var i = 0; i < chars.length; i++) {
      if (chars[i] === "y" && (i === 0 || isVowel(chars[i - 1]))) chars[i] = "Y";
      else if (chars[i] === "i" && i > 0 && i < chars.length - 1 && isVowel(chars[i - 1]) && isVowel(chars[i + 1]))
        chars[i] = "I";
    }
    return chars.join("");
  }

  function regionAfter(word, start) {
    for (var i = start + 1; i < word.length; i++)
      if (isVowel(word[i - 1]) && !isVowel(word[i])) return i + 1;
    return word.length;
  }

  function regionsOf(word) {
    if (word.length < 3) return [word.length, word.length];
    var p1 = regionAfter(word, 0);
    var p2 = regionAfter(word, p1);
    return [Math.max(p1, 3), p2];
  }

  function undouble(word) {
    return /(kk|dd|tt)$/.test(word) ? word.slice(0, -1) : word;
  }

  function enEnding(word, suffix, p1) {
    var base = word.slice(0, -suffix);
    if (base.length >= p1 && base && !isVowel(base[base.length - 1]) && !endsWith(base, "gem"))
      return undouble(base);
    return word;
  }

  function step1(word, p1) {
    if (endsWith(word, "heden")) return word.length - 5 >= p1 ? word.slice(0, -5) + "heid" : word;
    if (endsWith(word, "ene") || endsWith(word, "en")) return enEnding(word, endsWith(word, "ene") ? 3 : 2, p1);
    if (endsWith(word, "se") || endsWith(word, "s")) {
      var base = word.slice(0, endsWith(word, "se") ? -2 : -1);
      var last = base[base.length - 1];
      if (base.length >= p1 && base && !isVowel(last) && last !== "j") return base;
    }
    return word;
  }

  function step2(word, p1) {
    if (endsWith(word, "e") && word.length - 1 >= p1 && !isVowel(word[word.length - 2]))
      return [undouble(word.slice(0, -1)), true];
    return [word, false];
  }

  function step3a(word, p1, p2) {
    if (endsWith(word, "heid") && word.length - 4 >= p2 && !endsWith(word.slice(0, -4), "c")) {
      word = word.slice(0, -4);
      if (endsWith(word, "en")) word = enEnding(word, 2, p1);
    }
    return word;
  }

  function step3b(word, p1, p2, eRemoved) {
    if (endsWith(word, "end") || endsWith(word, "ing")) {
      if (word.length - 3 >= p2) {
        word = word.slice(0, -3);
        if (endsWith(word, "ig") && word.length - 2 >= p2 && !endsWith(word.slice(0, -2), "e"))
          return word.slice(0, -2);
        return undouble(word);
      }
    } else if (endsWith(word, "ig")) {
      if (word.length - 2 >= p2 && !endsWith(word.slice(0, -2), "e")) return word.slice(0, -2);
    } else if (endsWith(word, "lijk")) {
      if (word.length - 4 >= p2) return step2(word.slice(0, -4), p1)[0];
    } else if (endsWith(word, "baar")) {
      if (word.length - 4 >= p2) return word.slice(0, -4);
    } else if (endsWith(word, "bar")) {
      if (word.length - 3 >= p2 && eRemoved) return word.slice(0, -3);
    }
    return word;
  }

  function step4(word) {
    var n = word.length;
    if (n >= 4 && ["aa", "ee", "oo", "uu"].indexOf(word.slice(-3, -1)) >= 0 &&
        !isVowel(word[n - 1]) && word[n - 1] !== "I" && !isVowel(word[n - 4]))
      return word.slice(0, -2) + word[n - 1];
    return word;
  }

  function finalSpelling(word) {
    var n = word.length;
    if (n >= 3 && word[n - 1] === word[n - 2] && !isVowel(word[n - 1])) word = word.slice(0, -1);
    if (endsWith(word, "z")) word = word.slice(0, -1) + "s";
    else if (endsWith(word, "v")) word = word.slice(0, -1) + "f";
    return word;
  }

  return { fold: fold, words: words, isStopWord: isStopWord, stem: stem, STOP_WORDS: STOP_WORDS };
})();
