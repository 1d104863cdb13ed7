/* The timeline picture: periods as bars, dated duties and key dates as numbered marks, the as-of date as a line.
   Drawn as inline SVG; the numbered list under it says the same in words. */
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 900;
const LEFT = 20;
const RIGHT = 20;
const DAY_MS = 86400000;

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function dayNumber(iso) {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function drawPicture(picture) {
  const periods = picture.periods || [];
  const events = picture.events || [];
  if (!periods.length && !events.length) return [];
  const days = [picture.as_of, ...events.map((e) => e.date), ...periods.flatMap((p) => [p.start, p.end])]
    .filter(Boolean).map(dayNumber);
  let first = Math.min(...days);
  let last = Math.max(...days);
  const margin = Math.max(60, (last - first) * 0.06);
  first -= margin;
  last += margin + (periods.some((p) => !p.end) ? (last - first) * 0.12 : 0);
  const x = (iso) => LEFT + ((dayNumber(iso) - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const axisY = 30;
  const barTop = axisY + 30;
  const markY = barTop + periods.length * 44 + 24;
  const height = markY + 3 * 22 + 20;
  const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "timeline", role: "img",
    "aria-labelledby": "picture-title" });
  svg.append(svgEl("title", { id: "picture-title" },
    `Timeline: ${periods.length} period(s) and ${events.length} dated step(s); as of ${picture.as_of}`));
  svg.append(svgEl("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: axisY, y2: axisY, class: "axis" }));
  const firstYear = new Date(first * DAY_MS).getUTCFullYear() + 1;
  const lastYear = new Date(last * DAY_MS).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  for (let year = firstYear; year <= lastYear; year += step) {
    const at = x(`${year}-01-01`);
    svg.append(svgEl("line", { x1: at, x2: at, y1: axisY - 5, y2: axisY + 5, class: "axis" }));
    svg.append(svgEl("text", { x: at, y: axisY - 10, class: "year" }, String(year)));
  }
  periods.forEach((period, i) => {
    const top = barTop + i * 44;
    const start = x(period.start);
    const end = period.end ? x(period.end) : WIDTH - RIGHT;
    const toLeft = start > WIDTH * 0.55;
    svg.append(svgEl("text", { x: toLeft ? end : start, y: top + 12, class: "label",
      "text-anchor": toLeft ? "end" : "start" }, period.label));
    svg.append(svgEl("rect", { x: start, y: top + 18, width: Math.max(2, end - start), height: 14,
      class: period.end ? "period" : "period open" }));
    if (!period.end) {
      svg.append(svgEl("path", { d: `M${end - 10} ${top + 14} L${end} ${top + 25} L${end - 10} ${top + 36} Z`,
        class: "period" }));
    }
  });
  const asOf = x(picture.as_of);
  const asOfLeft = asOf > WIDTH * 0.8;
  svg.append(svgEl("line", { x1: asOf, x2: asOf, y1: axisY, y2: height - 8, class: "as-of" }));
  svg.append(svgEl("text", { x: asOfLeft ? asOf - 4 : asOf + 4, y: height - 8, class: "label",
    "text-anchor": asOfLeft ? "end" : "start" }, `as of ${picture.as_of}`));
  let previous = -Infinity;
  let level = 0;
  events.forEach((event, i) => {
    const at = x(event.date);
    level = at - previous < 20 ? (level + 1) % 3 : 0;
    previous = at;
    const cy = markY + level * 22;
    svg.append(svgEl("circle", { cx: at, cy, r: 9, class: `mark ${event.status}` }));
    svg.append(svgEl("text", { x: at, y: cy + 4, class: "mark-number" }, String(i + 1)));
  });
  const legend = document.createElement("ol");
  legend.className = "legend";
  for (const event of events) {
    const item = document.createElement("li");
    item.textContent = `${event.date} (${event.status}): ${event.label}`;
    item.className = event.status;
    legend.append(item);
  }
  const heading = document.createElement("h3");
  heading.textContent = "Timeline";
  return [heading, svg, legend];
}

window.drawPicture = drawPicture;
