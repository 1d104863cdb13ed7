/* A self-contained reader for /openapi.json: every path with its parameters, body and responses, then every
   schema with its properties. No script from anywhere else, so it works offline. */
"use strict";

function node(tag, text, attrs) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
  return el;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf || schema.oneOf) return (schema.anyOf || schema.oneOf).map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  if (schema.type === "object" && schema.additionalProperties) return `{string: ${typeOf(schema.additionalProperties)}}`;
  return schema.format ? `${schema.type} (${schema.format})` : schema.type || "any";
}

function schemaLink(schema) {
  const text = typeOf(schema);
  return schema && schema.$ref ? node("a", text, { href: `#schema-${text}` }) : node("code", text);
}

function operation(path, method, op) {
  const section = node("section", undefined, { class: "operation", id: op.operationId || `${method}-${path}` });
  section.append(node("h3", `${method.toUpperCase()} ${path}`));
  if (op.summary) section.append(node("p", op.summary));
  if (op.description && op.description !== op.summary) section.append(node("p", op.description, { class: "help" }));
  const params = op.parameters || [];
  if (params.length) {
    const list = node("ul");
    for (const p of params) {
      const item = node("li");
      item.append(node("code", p.name), ` (${p.in}${p.required ? ", required" : ""}): `, schemaLink(p.schema),
        p.description ? ` - ${p.description}` : "");
      list.append(item);
    }
    section.append(node("h4", "Parameters"), list);
  }
  if (op.requestBody) {
    const list = node("ul");
    for (const [type, content] of Object.entries(op.requestBody.content || {})) {
      const item = node("li");
      item.append(node("code", type), ": ", schemaLink(content.schema));
      list.append(item);
    }
    section.append(node("h4", "Body"), list);
  }
  const responses = node("ul");
  for (const [code, response] of Object.entries(op.responses || {})) {
    const item = node("li");
    item.append(node("strong", code), ` ${response.description || ""} `);
    const json = (response.content || {})["application/json"];
    if (json && json.schema) item.append(schemaLink(json.schema));
    responses.append(item);
  }
  section.append(node("h4", "Responses"), responses);
  return section;
}

function schemaSection(name, schema) {
  const details = node("details", undefined, { id: `schema-${name}` });
  details.append(node("summary", name));
  if (schema.description) details.append(node("p", schema.description, { class: "help" }));
  const props = Object.entries(schema.properties || {});
  if (props.length) {
    const list = node("dl", undefined, { class: "facts" });
    for (const [prop, sub] of props) {
      const dd = node("dd");
      dd.append(schemaLink(sub), sub.description ? ` - ${sub.description}` : "");
      list.append(node("dt", prop + ((schema.required || []).includes(prop) ? " *" : "")), dd);
    }
    details.append(list);
  } else {
    details.append(node("p", typeOf(schema)));
  }
  return details;
}

async function show() {
  const response = await fetch("/openapi.json");
  const api = await response.json();
  document.getElementById("description").append(node("p", api.info.description));
  const paths = document.getElementById("paths");
  paths.replaceChildren();
  for (const [path, methods] of Object.entries(api.paths)) {
    for (const [method, op] of Object.entries(methods)) paths.append(operation(path, method, op));
  }
  const schemas = document.getElementById("schemas");
  for (const [name, schema] of Object.entries(api.components.schemas).sort()) {
    schemas.append(schemaSection(name, schema));
  }
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", () => {
  show().catch((error) => { document.getElementById("paths").textContent = `Could not read the API: ${error}`; });
});
