/* Praktijkbank: the form "Praktijk aanmelden" (/aanmelden/) writes a finished card in the browser.
 *
 * The page carries everything the script knows about a card as data: the fields, the
 * vocabularies, the headings, the check's messages and patterns (the JSON block
 * #pb-form-schema, made by src/praktijkbank/pages/submit_form.py from the schema). This
 * script holds no rule, list or message of its own: it reads the form, checks it with those
 * rules, shows the check's messages, writes the card (YAML front matter and the text under
 * the fixed headings) and a preview. Nothing leaves the browser until the visitor chooses:
 * an e-mail (mailto:), a file (a Blob download) or a new file on GitHub (a link).
 */
(function () {
  "use strict";

  var rules, form, touched = {}, showAll = false;

  function byId(id) { return document.getElementById(id); }
  function controlId(path) { return "pb-f-" + path.replace(/[._]/g, "-"); }
  function chars(text) { return Array.from(text).length; } // code points, as Python counts
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function vocabLabel(name, key) {
    var found = rules.vocabularies[name].values.filter(function (pair) { return pair[0] === key; })[0];
    return found ? found[1] : key;
  }

  // -- reading the form ---------------------------------------------------------------

  function oneLine(text) { return text.replace(/\s+/g, " ").trim(); }

  function readValue(scope, path, field) {
    var id = controlId(path);
    if (field.kind === "list" && field.item && field.item.kind === "vocab") {
      return Array.prototype.map.call(scope.querySelectorAll('input[data-pb-path="' + path + '"]:checked'),
        function (box) { return box.value; });
    }
    if (field.kind === "vocab") {
      var select = byId(id);
      if (select && select.tagName === "SELECT") return select.value;
      var checked = scope.querySelector('input[data-pb-path="' + path + '"]:checked');
      return checked ? checked.value : "";
    }
    var control = byId(id);
    if (!control) return undefined;
    if (field.kind === "boolean") return control.checked;
    if (field.kind === "list") {
      return control.value.split("\n").map(oneLine).filter(Boolean);
    }
    return oneLine(control.value);
  }

  function isEmpty(value) {
    if (value === undefined || value === null || value === false) return true;
    if (typeof value === "string") return value === "";
    if (Array.isArray(value)) return value.length === 0;
    return Object.keys(value).length === 0;
  }

  function entriesOf(name) {
    return Array.prototype.slice.call(form.querySelectorAll('[data-pb-entry="' + name + '"]'))
      .filter(function (entry) { return !entry.closest("template"); });
  }

  function readGroup(field, path) {
    var group = {};
    field.fields.forEach(function (child) {
      var value = readValue(form, path + "." + child.name, child);
      if (!isEmpty(value)) group[child.name] = value;
    });
    return group;
  }

  // Values as the form holds them, keyed like the card; empty fields left out.
  function readCard() {
    var card = {};
    rules.fields.forEach(function (field) {
      var value;
      if (field.kind === "mapping") {
        value = readGroup(field, field.name);
      } else if (field.kind === "list" && field.item.kind === "mapping") {
        value = entriesOf(field.name).map(function (entry, index) {
          return readGroup(field.item, field.name + "." + (index + 1));
        }).filter(function (group) { return !isEmpty(group); });
      } else {
        value = readValue(form, field.name, field);
      }
      if (!isEmpty(value)) card[field.name] = value;
    });
    return card;
  }

  function readSections() {
    return rules.headings.map(function (heading, index) {
      var box = byId("pb-f-tekst-" + (index + 1));
      var text = box.value.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/^\n+|\s+$/g, "");
      return { heading: heading, text: text, id: box.id };
    });
  }

  // -- checking, with the check's rules and messages -------------------------------------

  function Problems() { this.items = []; }
  Problems.prototype.add = function (target, labels, key, values, allowedValues) {
    var template = rules.messages[key];
    this.items.push({
      target: target,
      label: labels.join(" › "),
      message: fill(template.message, values || {}),
      allowed: fill(template.allowed, allowedValues || values || {}),
      warning: template.warning
    });
  };

  var URL_PATTERN, URL_SCHEME, ISO_DATE, PERSONAL_DATA, HEADING;

  function checkValue(problems, field, value, path, labels) {
    var target = controlId(path);
    var kind = field.kind;
    if (kind === "text" || kind === "url" || kind === "date" || kind === "year") {
      if (field.max_length && chars(value) > field.max_length) {
        problems.add(target, labels, "too_long", { length: chars(value), max: field.max_length });
        return;
      }
    }
    if (kind === "url") {
      if (!URL_PATTERN.test(value)) {
        var other = URL_SCHEME.test(value) && value.toLowerCase().indexOf("http") !== 0;
        problems.add(target, labels, other ? "url_scheme" : "url_invalid", { value: value });
      } else if (value.indexOf("…") !== -1) {
        problems.add(target, labels, "url_truncated");
      }
    } else if (kind === "date") {
      if (!ISO_DATE.test(value)) {
        problems.add(target, labels, "date_invalid", { value: value });
      } else if (!realDate(value)) {
        problems.add(target, labels, "date_nonexistent", { value: value });
      } else if (value > today()) {
        problems.add(target, labels, "date_future", { value: value, today: today() });
      }
    } else if (kind === "year") {
      if (!/^\d+$/.test(value)) {
        problems.add(target, labels, "year_not_number", {});
      } else {
        var year = parseInt(value, 10), now = parseInt(today().slice(0, 4), 10);
        if (year > now && !field.future) problems.add(target, labels, "year_future", { value: year, year: now });
        else if (field.minimum !== undefined && year < field.minimum) {
          problems.add(target, labels, "year_too_early", { value: year, minimum: field.minimum });
        }
      }
    }
  }

  function realDate(text) {
    var parts = text.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return date.getUTCFullYear() === parts[0] && date.getUTCMonth() === parts[1] - 1 && date.getUTCDate() === parts[2];
  }

  function checkField(problems, field, value, path, labels, target) {
    // A group the form always has (place, contact): its own fields say what is missing, at their
    // controls, as the check says it of a group without them.
    if (field.kind === "mapping" && isEmpty(value) && field.required) value = {};
    if (isEmpty(value) && field.kind !== "mapping") {
      if (field.required) {
        problems.add(target || controlId(path), labels, "required", {}, { description: field.description.replace(/\.+$/, "") });
      }
      return;
    }
    if (field.kind === "mapping") {
      if (value === undefined) return; // an optional group left empty
      field.fields.forEach(function (child) {
        checkField(problems, child, value[child.name], path + "." + child.name, labels.concat(child.label));
      });
    } else if (field.kind === "list" && field.item.kind === "mapping") {
      value.forEach(function (group, index) {
        var entryPath = path + "." + (index + 1);
        checkField(problems, field.item, group, entryPath, [field.entry + " " + (index + 1)]);
      });
    } else if (field.kind === "list") {
      var seen = {};
      value.forEach(function (item) {
        if (field.item.kind !== "vocab") checkValue(problems, field.item, item, path, labels);
        if (typeof item === "string") {
          if (seen[item]) problems.add(controlId(path), labels, "duplicate", { value: item });
          seen[item] = true;
        }
      });
    } else {
      checkValue(problems, field, value, path, labels);
    }
  }

  function fieldRule(name) { return rules.fields.filter(function (f) { return f.name === name; })[0]; }
  function childRule(field, name) { return field.fields.filter(function (f) { return f.name === name; })[0]; }

  // What the check says about the whole card beyond single values (practices.py).
  function checkCard(problems, card, sections) {
    var place = card.place || {};
    var placeRule = fieldRule("place");
    if (place.scope && place.scope !== rules.national_scope) {
      ["municipality", "province"].forEach(function (name) {
        if (!place[name]) {
          problems.add(controlId("place." + name), [placeRule.label, childRule(placeRule, name).label], "not_landelijk");
        }
      });
    }
    var contact = card.contact || {};
    if (contact.organisation && PERSONAL_DATA.test(contact.organisation)) {
      var contactRule = fieldRule("contact");
      problems.add(controlId("contact.organisation"), [contactRule.label, childRule(contactRule, "organisation").label],
        "personal_data");
    }
    var sources = card.sources || [];
    if (rules.research_evidence.indexOf(card.evidence) !== -1 &&
        !sources.some(function (source) { return source.research === true; })) {
      problems.add(controlId("evidence"), [fieldRule("evidence").label], "research", { value: card.evidence });
    }
    var sourceRule = fieldRule("sources");
    sources.forEach(function (source, index) {
      var labels = [sourceRule.entry + " " + (index + 1)];
      var path = "sources." + (index + 1);
      if (source.url && URL_PATTERN.test(source.url) && isHomePage(source.url)) {
        problems.add(controlId(path + ".url"), labels.concat(childRule(sourceRule.item, "url").label), "home_page",
          { value: source.url });
      }
      if (!source.date) {
        problems.add(controlId(path + ".date"), labels.concat(childRule(sourceRule.item, "date").label), "no_date");
      }
    });
    sections.forEach(function (section) {
      if (!section.text) {
        if (section.heading.required) {
          problems.add(section.id, [section.heading.title], "empty_section", { heading: section.heading.title },
            { description: section.heading.description });
        }
        return;
      }
      section.text.split("\n").forEach(function (line) {
        var match = HEADING.exec(line);
        if (match && match[1].length === 1) {
          problems.add(section.id, [section.heading.title], "level_one_heading", { value: match[2].trim() });
        }
      });
    });
  }

  function isHomePage(address) {
    try {
      var url = new URL(address.trim());
      return Boolean(url.host) && url.pathname === "/" && url.search === "";
    } catch (error) {
      return false;
    }
  }

  function check() {
    var card = readCard(), sections = readSections(), problems = new Problems();
    rules.fields.forEach(function (field) {
      var target = controlId(field.name);
      checkField(problems, field, card[field.name], field.name, [field.label], target);
    });
    checkCard(problems, card, sections);
    return { card: card, sections: sections, problems: problems.items };
  }

  // -- showing messages ------------------------------------------------------------------

  function detail(problem, withField) {
    var key = (problem.warning ? "warning" : "error") + (problem.allowed ? "_allowed" : "");
    var template = rules.detail[key];
    if (!withField) template = template.replace("{field}: ", "");
    return fill(template, { field: problem.label, message: problem.message, allowed: problem.allowed });
  }

  function controlsOf(target) {
    var element = byId(target);
    if (!element) return [];
    if (element.tagName === "FIELDSET") return Array.prototype.slice.call(element.querySelectorAll("input"));
    return [element];
  }

  function showMessages(problems) {
    var byTarget = {};
    problems.forEach(function (problem) {
      (byTarget[problem.target] = byTarget[problem.target] || []).push(problem);
    });
    Array.prototype.forEach.call(form.querySelectorAll(".pb-form-msg"), function (slot) {
      var target = slot.id.replace(/-msg$/, "");
      var own = (showAll || touched[target]) ? (byTarget[target] || []) : [];
      slot.textContent = own.map(function (p) { return detail(p, false); }).join(" ");
      slot.hidden = own.length === 0;
      slot.classList.toggle("pb-form-msg--warning", own.length > 0 && own.every(function (p) { return p.warning; }));
      var error = own.some(function (p) { return !p.warning; });
      controlsOf(target).forEach(function (control) {
        if (error) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      });
    });
  }

  function showSummary(problems) {
    var summary = byId("pb-form-summary");
    var errors = problems.filter(function (p) { return !p.warning; });
    summary.textContent = "";
    if (!errors.length) {
      summary.hidden = true;
      return;
    }
    var title = document.createElement("h2");
    title.textContent = errors.length === 1 ? "Er is nog 1 fout" : "Er zijn nog " + errors.length + " fouten";
    var intro = document.createElement("p");
    intro.textContent = "Verbeter wat hieronder staat; de kaart is pas klaar als alles in orde is.";
    var list = document.createElement("ul");
    errors.forEach(function (problem) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + problem.target;
      link.textContent = detail(problem, true);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var control = controlsOf(problem.target)[0] || byId(problem.target);
        if (control) control.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(title);
    summary.appendChild(intro);
    summary.appendChild(list);
    summary.hidden = false;
  }

  // -- writing the card --------------------------------------------------------------------

  // YAML 1.1 words PyYAML reads as true, false or nothing.
  var YAML_WORDS = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;
  var PLAIN = /^[\p{L}][\p{L}\p{N}\p{M} .,'()/&+\-–—!?%€’‘";=@_]*$/u;

  function yamlText(text) {
    if (PLAIN.test(text) && !/\s$/.test(text) && !YAML_WORDS.test(text)) return text;
    return JSON.stringify(text).replace(/[\u007f-\u0084\u0086-\u009f\u2028\u2029\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function yamlScalar(field, value) {
    if (field.kind === "year") return String(parseInt(value, 10));
    if (field.kind === "boolean") return value ? "true" : "false";
    if (field.kind === "date" || field.kind === "vocab") return value;
    return yamlText(value);
  }

  function yamlField(field, value, indent) {
    var head = indent + field.name + ":";
    if (field.kind === "mapping") {
      return [head].concat(yamlGroup(field, value, indent + "  "));
    }
    if (field.kind === "list" && field.item.kind === "mapping") {
      var lines = [head];
      value.forEach(function (group) {
        yamlGroup(field.item, group, indent + "    ").forEach(function (line, index) {
          lines.push(index === 0 ? indent + "  - " + line.slice(indent.length + 4) : line);
        });
      });
      return lines;
    }
    if (field.kind === "list" && field.item.kind === "vocab") {
      return [head + " [" + value.join(", ") + "]"];
    }
    if (field.kind === "list") {
      return [head].concat(value.map(function (item) { return indent + "  - " + yamlScalar(field.item, item); }));
    }
    return [head + " " + yamlScalar(field, value)];
  }

  function yamlGroup(field, group, indent) {
    var lines = [];
    field.fields.forEach(function (child) {
      if (!isEmpty(group[child.name])) lines = lines.concat(yamlField(child, group[child.name], indent));
    });
    return lines;
  }

  function slugOf(title) {
    var plain = title.normalize("NFKD").replace(/\p{Mn}/gu, "")
      .replace(/&/g, " en ").replace(/['’]/g, "");
    return plain.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "praktijk";
  }

  function cardText(card, sections) {
    var lines = [];
    rules.fields.forEach(function (field) {
      if (!isEmpty(card[field.name])) lines = lines.concat(yamlField(field, card[field.name], ""));
    });
    lines.push("last_reviewed: " + today());
    var body = sections.filter(function (s) { return s.text || s.heading.required; }).map(function (s) {
      return "## " + s.heading.title + "\n\n" + s.text + "\n";
    });
    return "---\n" + lines.join("\n") + "\n---\n\n" + body.join("\n");
  }

  // -- the preview: the card's own text, rendered simply -------------------------------------

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  function inline(parent, text) {
    // Links [text](http…), **bold** and *italic*; everything else as text, never as HTML.
    var pattern = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
    var last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1]) {
        var link = element("a", match[1]);
        link.href = match[2];
        parent.appendChild(link);
      } else {
        parent.appendChild(element(match[3] ? "strong" : "em", match[3] || match[4]));
      }
      last = pattern.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderMarkdown(parent, text) {
    text.split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n").filter(function (line) { return line.trim(); });
      if (!lines.length) return;
      var bullets = lines.every(function (line) { return /^\s*[-*+]\s+/.test(line); });
      var numbers = lines.every(function (line) { return /^\s*\d+[.)]\s+/.test(line); });
      var heading = lines.length === 1 && /^#{2,6}\s+/.test(lines[0]);
      if (bullets || numbers) {
        var list = element(numbers ? "ol" : "ul");
        lines.forEach(function (line) {
          var item = element("li");
          inline(item, line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""));
          list.appendChild(item);
        });
        parent.appendChild(list);
      } else if (heading) {
        parent.appendChild(element("h5", lines[0].replace(/^#+\s+/, "")));
      } else {
        var paragraph = element("p");
        inline(paragraph, lines.join(" "));
        parent.appendChild(paragraph);
      }
    });
  }

  function shown(field, value) {
    if (field.kind === "vocab") return vocabLabel(field.vocabulary, value);
    if (field.kind === "list" && field.item.kind === "vocab") {
      return value.map(function (key) { return vocabLabel(field.item.vocabulary, key); }).join(", ");
    }
    if (field.kind === "list") return value.join(", ");
    if (field.kind === "boolean") return value ? "ja" : "nee";
    if (field.kind === "mapping") {
      return field.fields.filter(function (child) { return !isEmpty(value[child.name]); })
        .map(function (child) { return shown(child, value[child.name]); }).join(", ");
    }
    return String(value);
  }

  function renderPreview(result) {
    var preview = byId("pb-preview");
    var card = result.card;
    preview.textContent = "";
    preview.appendChild(element("h3", card.title || "(nog zonder titel)"));
    if (card.summary) preview.appendChild(element("p", card.summary, "pb-lead"));
    var facts = element("dl");
    rules.fields.forEach(function (field) {
      var value = card[field.name];
      if (isEmpty(value) || field.name === "title" || field.name === "summary") return;
      facts.appendChild(element("dt", field.label));
      var dd = element("dd");
      if (field.kind === "list" && field.item.kind === "mapping") {
        var list = element("ul");
        value.forEach(function (group) {
          var item = element("li");
          if (field.name === "sources" && group.url && /^https?:\/\//i.test(group.url)) {
            var link = element("a", group.title || group.url);
            link.href = group.url;
            item.appendChild(link);
            var rest = field.item.fields.filter(function (c) {
              return ["title", "url"].indexOf(c.name) === -1 && !isEmpty(group[c.name]);
            }).map(function (c) { return c.kind === "boolean" ? c.label : shown(c, group[c.name]); });
            if (rest.length) item.appendChild(document.createTextNode(" — " + rest.join(", ")));
          } else {
            item.textContent = shown(field.item, group);
          }
          list.appendChild(item);
        });
        dd.appendChild(list);
      } else {
        dd.textContent = shown(field, value);
      }
      facts.appendChild(dd);
    });
    var panel = element("div", undefined, "pb-facts");
    panel.appendChild(facts);
    preview.appendChild(panel);
    result.sections.forEach(function (section) {
      if (!section.text) return;
      preview.appendChild(element("h4", section.heading.title));
      renderMarkdown(preview, section.text);
    });
    byId("pb-preview-file").textContent = cardText(card, result.sections);
  }

  // -- when the card is ready -----------------------------------------------------------

  function emailText(card, slug, text) {
    var email = rules.email;
    return email.intro.join("\n") + "\n\n" + fill(email.begin, { slug: slug }) + "\n" + text + email.end + "\n";
  }

  function showDone(result) {
    var text = cardText(result.card, result.sections);
    var slug = slugOf(result.card.title);
    var done = byId("pb-form-done");
    var warnings = result.problems.filter(function (p) { return p.warning; });
    var status = byId("pb-form-done-status");
    status.textContent = warnings.length
      ? "De kaart is in orde. Kijk nog even naar " + (warnings.length === 1 ? "1 opmerking" : warnings.length + " opmerkingen") +
        " bij de velden (\u201clet op\u201d); de kaart kan ook zo naar de redactie."
      : "De kaart is in orde.";
    var email = byId("pb-send-email");
    if (email) {
      var body = emailText(result.card, slug, text);
      email.href = "mailto:" + encodeURI(rules.email.address) +
        "?subject=" + encodeURIComponent(fill(rules.email.subject, { title: result.card.title })) +
        "&body=" + encodeURIComponent(body.replace(/\n/g, "\r\n"));
      byId("pb-email-text").value = body;
    }
    var github = byId("pb-send-github");
    if (github) {
      github.href = rules.github_new_file + "?filename=" + encodeURIComponent(slug + ".md") +
        "&value=" + encodeURIComponent(text);
    }
    byId("pb-save").onclick = function () {
      var blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = slug + ".md";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    };
    done.hidden = false;
    byId("pb-form-done-title").focus();
  }

  // -- repeatable blocks ----------------------------------------------------------------

  function renumber(entry, list, from, to) {
    var field = fieldRule(list);
    [entry].concat(Array.prototype.slice.call(entry.querySelectorAll("*"))).forEach(function (el) {
      ["id", "for", "name", "data-pb-path", "aria-describedby"].forEach(function (name) {
        var value = el.getAttribute(name);
        if (value === null) return;
        value = value.split("pb-f-" + list + "-" + from + "-").join("pb-f-" + list + "-" + to + "-")
          .split(list + "." + from + ".").join(list + "." + to + ".");
        el.setAttribute(name, value);
      });
    });
    entry.querySelector(".pb-form-entry-name").textContent = field.entry + " " + to;
    entry.querySelector("[data-pb-remove]").textContent = field.entry + " " + to + " weghalen";
  }

  function updateRemoveButtons(list) {
    var entries = entriesOf(list);
    entries.forEach(function (entry) {
      entry.querySelector("[data-pb-remove]").hidden = entries.length === 1;
    });
  }

  function addEntry(list) {
    var template = form.querySelector('template[data-pb-template="' + list + '"]');
    var number = entriesOf(list).length + 1;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.split(rules.entry_token).join(String(number));
    var entry = holder.firstElementChild;
    form.querySelector('[data-pb-list="' + list + '"] .pb-form-entries').appendChild(entry);
    updateRemoveButtons(list);
    var first = entry.querySelector("input, select, textarea");
    if (first) first.focus();
  }

  function removeEntry(entry) {
    var list = entry.getAttribute("data-pb-entry");
    var entries = entriesOf(list);
    var at = entries.indexOf(entry);
    entry.remove();
    entries.slice(at + 1).forEach(function (later, index) { renumber(later, list, at + index + 2, at + index + 1); });
    Object.keys(touched).forEach(function (id) { if (id.indexOf("pb-f-" + list + "-") === 0) delete touched[id]; });
    updateRemoveButtons(list);
    form.querySelector('[data-pb-add="' + list + '"]').focus();
    refresh();
  }

  // -- wiring ------------------------------------------------------------------------------

  function targetOf(control) {
    var choices = control.closest(".pb-form-choices");
    return choices ? choices.id : control.id;
  }

  var pending = null;
  function refresh() {
    var result = check();
    showMessages(result.problems);
    if (showAll) showSummary(result.problems); // after the first try, the list follows every change
    renderPreview(result);
    return result;
  }
  function refreshSoon() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () { pending = null; refresh(); }, 150);
  }

  function init() {
    form = byId("pb-form");
    var data = byId("pb-form-schema");
    if (!form || !data) return;
    rules = JSON.parse(data.textContent);
    URL_PATTERN = new RegExp(rules.patterns.url, "i");
    URL_SCHEME = new RegExp(rules.patterns.url_scheme, "i");
    ISO_DATE = new RegExp(rules.patterns.iso_date);
    PERSONAL_DATA = new RegExp(rules.patterns.personal_data, "u");
    HEADING = new RegExp(rules.patterns.heading);
    byId("pb-form-app").hidden = false;
    var note = byId("pb-form-nojs");
    if (note) note.hidden = true;

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      byId("pb-form-done").hidden = true; // the card changed: check it again before sending
      if (event.target.getAttribute("aria-invalid") === "true") touched[targetOf(event.target)] = true;
      refreshSoon();
    });
    form.addEventListener("change", function (event) {
      touched[targetOf(event.target)] = true; // a field left or chosen: its message may show now
      refreshSoon();
    });
    form.addEventListener("focusout", function (event) {
      if (event.target.matches("input[type=text], textarea")) {
        touched[targetOf(event.target)] = true;
        refreshSoon();
      }
    });
    form.addEventListener("click", function (event) {
      var add = event.target.closest("[data-pb-add]");
      if (add) addEntry(add.getAttribute("data-pb-add"));
      var remove = event.target.closest("[data-pb-remove]");
      if (remove) removeEntry(remove.closest("[data-pb-entry]"));
    });
    byId("pb-make").addEventListener("click", function () {
      showAll = true;
      var result = refresh();
      showSummary(result.problems);
      if (result.problems.some(function (p) { return !p.warning; })) {
        byId("pb-form-done").hidden = true;
        byId("pb-form-summary").focus();
      } else {
        showDone(result);
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-pb-list]"), function (list) {
      updateRemoveButtons(list.getAttribute("data-pb-list"));
    });
    refresh();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
