/* The answer as a person wants it: outcome and one-line answer first, key dates, the missing facts as fields to
   fill, the timeline picture, the reasons with their citations linked, and the warnings.
   Uses the helpers of page.js (el, words, mode, setMode, answer), loaded after this file. */
"use strict";

/* Labels for the facts most often missing; any other fact is named from its path (the schema describes it). */
const FACT_LABELS = {
  date_of_birth: "Date of birth",
  relevant_date: "Date of the conviction, finding or caution",
  sentence_date: "Date of sentence or order",
  schedule3_sentencing_condition: "Does Schedule 3 list the offence only because of the sentence? (SOA 2003 s.132)",
};
/* Yes/no facts whose answers read better in words. */
const BOOLEAN_WORDS = {
  schedule3_sentencing_condition: ["Yes: only because of the sentence", "No: it is listed whatever the sentence"],
};

function factName(fact) {
  return fact.split(".").pop().replace(/\[\d+\]$/, "");
}

/* What the fact means: the guided form's own hint where it has a field for it, else the schema's description. */
function factHint(item) {
  const hint = GUIDED_FIELDS[item.fact] && $(`${GUIDED_FIELDS[item.fact]}-help`);
  return hint && hint.classList.contains("hint") ? hint.textContent.replace(/\s+/g, " ").trim() : item.description;
}

function showProblem(data) {
  $("result").hidden = true;
  const box = $("problem");
  box.replaceChildren(el("h2", { text: "The case could not be answered" }), el("p", { text: data.message || "" }));
  const list = el("ul");
  for (const item of data.fields || []) {
    const guided = mode() === "guided" && GUIDED_FIELDS[item.field];
    const target = item.field === "as_of" ? "as-of" : guided;
    const line = el("li", {}, el("code", { text: item.field }), `: ${item.reason}`);
    if (target) {
      $(target).setAttribute("aria-invalid", "true");
      line.append(" ", el("a", { href: `#${target}`, text: "Go to the field" }));
    }
    list.append(line);
  }
  box.append(list);
  box.hidden = false;
  box.focus();
}

function citationLink(citation) {
  const text = `${citation.instrument} ${citation.provision}`;
  return citation.url ? el("a", { href: citation.url, rel: "noreferrer", text }) : el("span", { text });
}

function showAnswer(data) {
  const decision = data.decision;
  lastCase = data.case;
  for (const node of document.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  $("problem").hidden = true;
  const outcome = $("outcome");
  outcome.textContent = decision.outcome === "undetermined" ? "UNDETERMINED: facts are missing"
    : decision.outcome.toUpperCase();
  outcome.className = `outcome ${decision.outcome}`;
  $("question-id").textContent = `${decision.question}, as of ${decision.as_of}`;
  $("headline").textContent = data.headline;
  showDates(decision.dates);
  showMissing(data.missing);
  $("picture").replaceChildren(...drawPicture(data.picture));
  showReasons(decision.reasons);
  showWarnings(decision.warnings);
  $("version").textContent = `Rulesets ${decision.ruleset_version}`;
  $("result").hidden = false;
  $("result-title").setAttribute("tabindex", "-1");
  $("result-title").focus();
}

function showDates(dates) {
  const entries = Object.entries(dates || {});
  const box = $("dates");
  box.replaceChildren();
  if (!entries.length) return;
  const list = el("dl", { class: "dates" });
  for (const [key, value] of entries) list.append(el("dt", { text: words(key) }), el("dd", { text: value }));
  box.append(el("h3", { text: "Key dates" }), list);
}

function missingControl(item, index) {
  const id = `missing-${index}`;
  if (item.input === "date") return el("input", { type: "date", id });
  if (item.input === "integer") return el("input", { type: "number", id, step: "1", inputmode: "numeric" });
  if (item.input === "boolean" || item.input === "choice") {
    const select = el("select", { id }, el("option", { value: "", text: "Not known" }));
    const [yes, no] = BOOLEAN_WORDS[factName(item.fact)] || ["Yes", "No"];
    const options = item.input === "boolean" ? [["true", yes], ["false", no]]
      : item.choices.map((c) => [c, words(c)]);
    for (const [value, text] of options) select.append(el("option", { value, text }));
    return select;
  }
  if (item.input === "text") return el("input", { type: "text", id });
  return null;
}

function showMissing(missing) {
  const box = $("missing");
  box.replaceChildren();
  if (!missing.length) return;
  box.append(el("h3", { text: "Facts still missing" }),
    el("p", { class: "help", text: "Any of these would help decide it. Fill in what you know and answer again." }));
  const list = el("div", { class: "missing" });
  missing.forEach((item, index) => {
    const control = missingControl(item, index);
    const name = factName(item.fact);
    const label = el("label", { for: control ? `missing-${index}` : null }, FACT_LABELS[name] || words(name), " ",
      el("code", { text: item.fact }));
    const row = el("div", { class: "row" }, label);
    row.append(control || el("span", { class: "help", text: "Give this in the case text." }));
    const hint = factHint(item);
    if (hint) {
      row.append(el("span", { class: "hint", id: `missing-${index}-help`, text: hint }));
      if (control) control.setAttribute("aria-describedby", `missing-${index}-help`);
    }
    row.append(el("span", { class: "small", text: `needed for ${item.needed_for}` }));
    if (control) {
      control.dataset.fact = item.fact;
      control.dataset.input = item.input;
    }
    list.append(row);
  });
  box.append(list, el("p", {}, el("button", { type: "button", id: "answer-again", text: "Answer again with these facts" })));
  $("answer-again").addEventListener("click", answerAgain);
}

function typed(control) {
  const raw = control.value;
  if (control.dataset.input === "integer") return parseInt(raw, 10);
  if (control.dataset.input === "boolean") return raw === "true";
  return raw;
}

function setPath(obj, path, value) {
  const parts = path.match(/[A-Za-z_]\w*|\d+/g);
  let node = obj;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) node[part] = value;
    else {
      if (node[part] === undefined || node[part] === null) node[part] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      node = node[part];
    }
  });
}

function answerAgain() {
  const filled = [...document.querySelectorAll("#missing [data-fact]")].filter((c) => c.value !== "");
  if (!filled.length) return;
  if (mode() === "guided" && filled.every((c) => GUIDED_FIELDS[c.dataset.fact])) {
    for (const control of filled) {
      const target = $(GUIDED_FIELDS[control.dataset.fact]);
      if (target.id === "g-sentence-date") $("g-same-day").checked = false;
      target.value = control.dataset.input === "boolean" ? (control.value === "true" ? "yes" : "no") : control.value;
    }
    showGuidedFields();
  } else {
    const updated = structuredClone(lastCase || {});
    for (const control of filled) setPath(updated, control.dataset.fact, typed(control));
    $("case-text").value = JSON.stringify(updated, null, 2);
    setMode("text");
  }
  answer(null);
}

function showReasons(reasons) {
  const box = $("reasons");
  box.replaceChildren();
  if (!reasons.length) return;
  const list = el("ol", { class: "reasons" });
  for (const reason of reasons) {
    const facts = Object.entries(reason.facts).filter(([k]) => !k.includes("."));
    const item = el("li", {}, el("p", { text: (reason.subject ? `[${reason.subject}] ` : "") + reason.explanation }),
      el("p", { class: "small" }, citationLink(reason.citation), ` · ${reason.rule_id} · ${reason.status}`));
    if (facts.length) {
      const table = el("dl", { class: "facts" });
      for (const [k, v] of facts) table.append(el("dt", { text: k }), el("dd", { text: JSON.stringify(v) }));
      item.append(el("details", {}, el("summary", { text: "Facts used" }), table));
    }
    list.append(item);
  }
  box.append(el("h3", { text: "Reasons" }), list);
}

function showWarnings(warnings) {
  const box = $("warnings");
  box.replaceChildren();
  if (!warnings.length) return;
  const list = el("ul", { class: "warnings" });
  for (const warning of warnings) {
    const item = el("li", {}, el("strong", { text: warning.status ? `${warning.status}: ` : "" }), warning.message);
    if (warning.citation) item.append(" (", citationLink(warning.citation), ")");
    list.append(item);
  }
  box.append(el("h3", { text: "Warnings" }), list);
}
