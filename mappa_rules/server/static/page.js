/* The staff page: choose a question, give the case (form, example or text), show the reasoned answer.
   Plain browser JavaScript, no library and no request to any other server. */
"use strict";

const $ = (id) => document.getElementById(id);
const GUIDED_QUESTIONS = ["notification-period", "category", "initial-deadline"];
const TERM_KINDS = ["imprisonment", "young_offender_institution", "s91_s250_detention",
  "detention_and_training_order", "extended_sentence", "community_order", "conditional_discharge"];
/* Disposals that can meet no Schedule 3 sentencing condition (SOA 2003 s.132): the question is not asked. */
const NO_SENTENCING_CONDITION = ["fine", "absolute_discharge", "conditional_discharge", "guardianship_order"];
/* Missing facts that the form has a field for (the form describes one disposal, disposals[0]). */
const GUIDED_FIELDS = {
  "person.date_of_birth": "g-dob",
  "disposals[0].relevant_date": "g-relevant-date",
  "disposals[0].sentence_date": "g-sentence-date",
  "disposals[0].offence.schedule3": "g-sch3",
  "disposals[0].offence.schedule3_sentencing_condition": "g-sch3-limb",
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
  $("g-sentence-date-row").hidden = caution;
  $("g-sch3-limb-row").hidden = !asksSentencingCondition();
  sameDay();
}

/* The flag-only mode asks whether Schedule 3 lists the offence only because of the sentence; with an offence id
   the catalogue decides it, and a caution, fine or discharge can meet no sentencing condition. */
function asksSentencingCondition() {
  return $("g-sch3").value === "yes" && !$("g-offence-id").value.trim() && $("g-trigger").value !== "caution"
    && !NO_SENTENCING_CONDITION.includes($("g-sentence").value);
}

/* "Sentenced on the day of the conviction" fills the date of sentence with that day, and keeps it so. */
function sameDay() {
  const same = $("g-same-day").checked;
  $("g-sentence-date").readOnly = same;
  if (same) $("g-sentence-date").value = $("g-relevant-date").value;
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
  if (asksSentencingCondition()) put(offence, "schedule3_sentencing_condition", yesNo("g-sch3-limb"));
  put(offence, "offence_id", $("g-offence-id").value.trim());
  const age = parseInt($("g-victim-age").value, 10);
  put(offence, "victim_age", Number.isInteger(age) ? age : null);
  const disposal = { id: "disposal-1", trigger: $("g-trigger").value };
  put(disposal, "relevant_date", $("g-relevant-date").value);
  disposal.offence = offence;
  put(disposal, "sentence", sentence());
  if ($("g-trigger").value !== "caution") {
    sameDay();
    put(disposal, "sentence_date", $("g-sentence-date").value);
  }
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

async function searchOffences() {
  const text = $("g-offence-search").value.trim();
  const results = $("offence-results");
  if (!text) { results.replaceChildren(); return; }
  const found = await getJson(`/v1/offences?q=${encodeURIComponent(text)}&limit=20`);
  results.replaceChildren(...found.map((o) => {
    const button = el("button", { type: "button", text: `${o.offence}: ${o.title} (${o.citation.provision})` });
    button.addEventListener("click", () => {
      $("g-offence-id").value = o.offence;
      showGuidedFields();
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
  for (const id of ["g-sentence", "g-trigger", "g-sch3", "g-same-day", "g-relevant-date"]) {
    $(id).addEventListener("change", showGuidedFields);
  }
  for (const id of ["g-offence-id", "g-relevant-date"]) $(id).addEventListener("input", showGuidedFields);
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
