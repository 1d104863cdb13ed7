/* The staff page: choose a question, give the case (form, example or text), show the reasoned answer.
   Plain browser JavaScript, no library and no request to any other server. */
"use strict";

const $ = (id) => document.getElementById(id);
const GUIDED_QUESTIONS = ["notification-period", "category", "initial-deadline"];
const TERM_KINDS = ["imprisonment", "young_offender_institution", "s91_s250_detention",
  "detention_and_training_order", "extended_sentence", "community_order", "conditional_discharge"];
/* Missing facts that the form has a field for (the form describes one disposal, disposals[0]). */
const GUIDED_FIELDS = {
  "person.date_of_birth": "g-dob",
  "disposals[0].relevant_date": "g-relevant-date",
  "disposals[0].offence.schedule3": "g-sch3",
  "disposals[0].offence.victim_age": "g-victim-age",
  "disposals[0].offence.schedule15": "g-sch15",
  "disposals[0].court": "g-court",
  "disposals[0].supervision_end": "g-supervision-end",
  "risk.may_cause_serious_harm": "g-harm",
};
let lastCase = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "text") node.textContent = value;
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function words(key) {
  const text = String(key).replace(/[_-]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function mode() {
  return document.querySelector("input[name=mode]:checked").value;
}

function setMode(value) {
  document.querySelector(`input[name=mode][value=${value}]`).checked = true;
  showMode();
}

function showMode() {
  for (const name of ["guided", "example", "text"]) $(`mode-${name}`).hidden = mode() !== name;
}

function showGuidedFields() {
  const question = $("question").value;
  for (const row of document.querySelectorAll("[data-for]")) row.hidden = row.dataset.for !== question;
  $("guided-note").classList.toggle("warn", !GUIDED_QUESTIONS.includes(question));
  const kind = $("g-sentence").value;
  const caution = $("g-trigger").value === "caution";
  $("g-sentence-row").hidden = caution;
  $("g-length-row").hidden = caution || !TERM_KINDS.includes(kind);
  $("g-length-label").firstChild.textContent = kind === "extended_sentence" ? "Custodial term"
    : kind === "conditional_discharge" ? "Period of the discharge" : "Length of the sentence (for a DTO, the whole order)";
  $("g-suspended-row").hidden = caution || kind !== "imprisonment";
  $("g-extension-row").hidden = caution || kind !== "extended_sentence";
  $("g-restriction-row").hidden = caution || kind !== "hospital_order";
}

function term(amountId, unitId) {
  const amount = parseInt($(amountId).value, 10);
  return Number.isInteger(amount) && amount > 0 ? { [$(unitId).value]: amount } : null;
}

function yesNo(id) {
  const value = $(id).value;
  return value === "yes" ? true : value === "no" ? false : null;
}

function sentence() {
  if ($("g-trigger").value === "caution") return { kind: "caution" };
  const kind = $("g-sentence").value;
  const length = term("g-length", "g-unit");
  const forms = { young_offender_institution: 1, s91_s250_detention: 1 };
  if (!kind) return null;
  if (kind === "imprisonment" || forms[kind]) {
    if (!length) return null;
    const out = { kind: "imprisonment", term: length };
    if (forms[kind]) out.form = kind;
    if ($("g-suspended").checked && kind === "imprisonment") out.suspended = true;
    return out;
  }
  if (kind === "detention_and_training_order") return length ? { kind, term: length } : null;
  if (kind === "extended_sentence") {
    const extension = term("g-extension", "g-extension-unit");
    return length && extension ? { kind, custodial_term: length, extension_period: extension } : null;
  }
  if (kind === "hospital_order") return { kind, restriction_order: yesNo("g-restriction") };
  if (kind === "community_order") return length ? { kind, length } : { kind };
  if (kind === "conditional_discharge") return length ? { kind, period: length } : null;
  return { kind };
}

/* The case the form describes; empty fields are left out, which the library reads as "not known". */
function guidedCase() {
  const put = (obj, key, value) => { if (value !== null && value !== "" && value !== undefined) obj[key] = value; };
  const offence = {};
  put(offence, "schedule3", yesNo("g-sch3"));
  put(offence, "offence_id", $("g-offence-id").value.trim());
  const age = parseInt($("g-victim-age").value, 10);
  put(offence, "victim_age", Number.isInteger(age) ? age : null);
  const disposal = { id: "disposal-1", trigger: $("g-trigger").value };
  put(disposal, "relevant_date", $("g-relevant-date").value);
  disposal.offence = offence;
  put(disposal, "sentence", sentence());
  const question = $("question").value;
  const out = { person: {}, disposals: [disposal] };
  put(out.person, "date_of_birth", $("g-dob").value);
  if (question === "category") {
    put(offence, "schedule15", $("g-sch15").value);
    put(disposal, "court", $("g-court").value);
    put(disposal, "supervision_end", $("g-supervision-end").value);
    const harm = yesNo("g-harm");
    if (harm !== null) out.risk = { may_cause_serious_harm: harm };
  }
  if (question === "initial-deadline" && $("g-custody-from").value) {
    const interval = { kind: "serving_sentence", start: $("g-custody-from").value };
    put(interval, "end", $("g-custody-to").value);
    out.intervals = [interval];
  }
  return out;
}

function requestBody() {
  if (mode() === "guided") return { body: JSON.stringify(guidedCase()), type: "application/json" };
  const text = $("case-text").value;
  try {
    JSON.parse(text);
    return { body: text, type: "application/json" };
  } catch (_) {
    return { body: text, type: "application/yaml" };
  }
}

async function answer(event) {
  if (event) event.preventDefault();
  const question = $("question").value;
  const asOf = $("as-of").value;
  const { body, type } = requestBody();
  $("answer").disabled = true;
  $("answer").textContent = "Answering…";
  try {
    const url = `/v1/explanations/${encodeURIComponent(question)}?as_of=${encodeURIComponent(asOf)}`;
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": type }, body });
    const data = await response.json();
    if (response.ok) showAnswer(data);
    else showProblem(data);
  } catch (error) {
    showProblem({ message: `The server could not be reached (${error.message}).`, fields: [] });
  } finally {
    $("answer").disabled = false;
    $("answer").textContent = "Answer";
  }
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
    const options = item.input === "boolean" ? [["true", "Yes"], ["false", "No"]]
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
    const label = el("label", { for: control ? `missing-${index}` : null }, words(item.fact.split(".").pop()), " ",
      el("code", { text: item.fact }));
    const row = el("div", { class: "row" }, label);
    row.append(control || el("span", { class: "help", text: "Give this in the case text." }));
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
      target.value = control.dataset.input === "boolean" ? (control.value === "true" ? "yes" : "no") : control.value;
    }
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

async function searchOffences() {
  const text = $("g-offence-search").value.trim();
  const results = $("offence-results");
  if (!text) { results.replaceChildren(); return; }
  const found = await getJson(`/v1/offences?q=${encodeURIComponent(text)}&limit=20`);
  results.replaceChildren(...found.map((o) => {
    const button = el("button", { type: "button", text: `${o.offence}: ${o.title} (${o.citation.provision})` });
    button.addEventListener("click", () => {
      $("g-offence-id").value = o.offence;
      results.replaceChildren();
      $("g-offence-id").focus();
    });
    return el("li", {}, button);
  }));
  if (!found.length) results.append(el("li", { text: "No offence found." }));
}

async function useExample() {
  const example = await getJson(`/v1/examples/${encodeURIComponent($("example").value)}`);
  $("case-text").value = example.yaml;
  if (example.question) $("question").value = example.question;
  questionChanged();
  setMode("text");
  $("case-text").focus();
}

function questionChanged() {
  const chosen = $("question").selectedOptions[0];
  $("question-help").textContent = chosen ? chosen.dataset.description : "";
  showGuidedFields();
}

async function start() {
  $("as-of").value = today();
  const [questions, examples, health] = await Promise.all(
    [getJson("/v1/questions"), getJson("/v1/examples"), getJson("/v1/health")]);
  for (const q of questions) {
    const option = el("option", { value: q.name, text: `${words(q.name)} (${q.id})` });
    option.dataset.description = q.description;
    $("question").append(option);
  }
  for (const e of examples) $("example").append(el("option", { value: e.name, text: e.name }));
  const describeExample = () => {
    const found = examples.find((e) => e.name === $("example").value);
    $("example-help").textContent = found ? found.description : "";
  };
  describeExample();
  $("service").textContent = `mappa-rules ${health.version}, rulesets ${health.ruleset_version}`;
  $("question").addEventListener("change", questionChanged);
  $("example").addEventListener("change", describeExample);
  for (const radio of document.querySelectorAll("input[name=mode]")) radio.addEventListener("change", showMode);
  for (const id of ["g-sentence", "g-trigger"]) $(id).addEventListener("change", showGuidedFields);
  $("g-offence-go").addEventListener("click", searchOffences);
  $("g-offence-search").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); searchOffences(); } });
  $("g-show").addEventListener("click", () => {
    $("case-text").value = JSON.stringify(guidedCase(), null, 2);
    setMode("text");
  });
  $("example-use").addEventListener("click", useExample);
  $("case-file").addEventListener("change", async () => {
    const file = $("case-file").files[0];
    if (file) $("case-text").value = await file.text();
  });
  $("ask").addEventListener("submit", answer);
  questionChanged();
  showMode();
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", () => {
  start().catch((error) => showProblem({ message: `The page could not start: ${error.message}`, fields: [] }));
});
