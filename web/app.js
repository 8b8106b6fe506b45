// The self-check page (企业自助研判): a form made from GET /v1/schema, a map of
// the ruleset's own layers (GET /v1/maps/…, no tiles from outside), and the
// answer of POST /v1/evaluate. Chinese by default, English on request.
"use strict";

const TEXT = {
  zh: {
    title: "生态环境准入自助研判", where: "项目选址", facts: "项目信息", answer: "研判结论",
    "where-help": "在地图上点击选址；画线或画面时逐点点击，然后按“完成”。",
    "facts-help": "不清楚的可以留空：留空视为“未知”，结论会列出仍需补充的信息。",
    point: "点", line: "线", polygon: "面", finish: "完成", clear: "清除", submit: "研判",
    report: "下载报告（HTML，可打印为 PDF）", switch: "English",
    footer: "结论依据所填信息自动生成，仅供准备申请参考，以生态环境主管部门审查意见为准。",
    unknown: "未知", none: "均无", pickMany: "可多选（按住 Ctrl）；不选为未知", yes: "是", no: "否", noSite: "尚未选址", site: "已选址",
    vertices: (n) => `已点 ${n} 个点`, mustChange: "须改正的问题", needed: "尚需补充的信息", notNeeded: "未提供（无论取何值，结论不变）",
    units: "所在环境管控单元", ruleByRule: "逐条判定", because: "理由：", source: "依据：",
    forbids: "禁止本项目。", requires: "要求：", share: "占选址", decided: "决定结论的图层：",
    errors: "无法研判：", busy: "正在研判……", sitePart: "项目选址", district: "区县",
    code: "编码", name: "名称", unitClass: "类别", verdict: "结论",
    classes: { priority: "优先保护单元", key: "重点管控单元", general: "一般管控单元" },
  },
  en: {
    title: "Environmental access self-check", where: "Where is the project", facts: "The project", answer: "The answer",
    "where-help": "Click the map to place the site; for a line or an area, click each point, then Finish.",
    "facts-help": "Leave blank what you do not know: blank is unknown, and the answer lists what is still needed.",
    point: "Point", line: "Line", polygon: "Area", finish: "Finish", clear: "Clear", submit: "Check",
    report: "Download the report (HTML, prints to PDF)", switch: "中文",
    footer: "Made from the facts you gave, to help prepare an application; the competent authority's review decides.",
    unknown: "unknown", none: "none of them", pickMany: "pick several (hold Ctrl); none picked is unknown", yes: "yes", no: "no", noSite: "no site yet", site: "site placed",
    vertices: (n) => `${n} points so far`, mustChange: "What must change", needed: "Facts still needed", notNeeded: "Not given (whatever they are, the verdict stays the same)",
    units: "Environmental control units", ruleByRule: "Rule by rule", because: "Because: ", source: "Source: ",
    forbids: "Forbids this project.", requires: "Requires: ", share: "of the site", decided: "Layers that decided: ",
    errors: "Could not check: ", busy: "Checking…", sitePart: "the site", district: "district",
    code: "Code", name: "Name", unitClass: "Class", verdict: "Verdict",
    classes: { priority: "priority unit", key: "key unit", general: "general unit" },
  },
};
const VERDICTS = { admit: "判定通过", conditional: "受限准入", reject: "判定不通过", incomplete: "待补充信息" };
const STATUSES = { satisfied: "满足", violated: "违反", unknown: "待定", "not-applicable": "不适用" };
const PARTS = { subject: "主体", scope: "范围", where: "条件", unless: "除非", requirement: "要求" };
const TRUTHS = { true: "是", false: "否", unknown: "未知" };
const LAYER_COLOURS = ["#1e88e5", "#8e24aa", "#00897b", "#6d4c41", "#3949ab"];

const state = {
  lang: new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh",
  schema: null, ruleset: null, map: null, layers: {}, mode: "point", vertices: [], site: null, preview: null,
  lastAnswer: null, lastProject: null,
};
const t = (key) => TEXT[state.lang][key];
const $ = (id) => document.getElementById(id);

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

// ---------------------------------------------------------------- the form

/** The allowed values of an enum fact, once each: the name sent, the label
 *  shown — a value under another (迁建 under 新建, "x-under") indented beneath it. */
function choices(property) {
  const seen = new Map();
  const under = new Map();
  for (const option of property.anyOf || property.items?.anyOf || []) {
    if (option.const === undefined) continue;
    if (option["x-under"]) under.set(option.const, option["x-under"]);
    if (!seen.has(option.title)) seen.set(option.title, option.const);
  }
  const depth = (value, n = 0) => (n < 64 && under.has(value) ? depth(under.get(value), n + 1) : n);
  return [...seen].map(([label, value]) => ({ label: "\u3000".repeat(depth(value)) + label, value }));
}

const NONE = "\u0000none";  // the option of a set fact that gives [] (no value can be this)

function factField(name, property) {
  const wrap = document.createElement("div");
  const label = document.createElement("label");
  label.htmlFor = `fact-${name}`;
  label.innerHTML = `${escapeHtml(property.title || name)}<span class="name">${escapeHtml(name)}</span>`;
  wrap.append(label);
  let input;
  const types = [].concat(property.type || []);
  if (types.includes("array")) {
    // A set fact: several values, or explicitly none of them; nothing picked is unknown.
    input = document.createElement("select");
    input.multiple = true;
    input.append(new Option(`（${t("none")}）`, NONE));
    for (const c of choices(property)) input.append(new Option(c.label, c.value));
    input.dataset.kind = "set";
    input.size = Math.min(6, input.options.length);
    wrap.title = t("pickMany");
  } else if (property.anyOf) {
    input = document.createElement("select");
    input.append(new Option(`（${t("unknown")}）`, ""));
    for (const c of choices(property)) input.append(new Option(c.label, c.value));
    input.dataset.kind = "text";
  } else if (types.includes("boolean")) {
    input = document.createElement("select");
    input.append(new Option(`（${t("unknown")}）`, ""), new Option(t("yes"), "true"), new Option(t("no"), "false"));
    input.dataset.kind = "boolean";
  } else if (types.includes("number")) {
    input = document.createElement("input");
    input.type = "number";
    input.step = "any";
    input.dataset.kind = "number";
  } else {
    input = document.createElement("input");
    input.type = property.format === "date" ? "date" : "text";
    if (property.pattern) input.pattern = property.pattern;
    input.dataset.kind = "text";
  }
  input.id = `fact-${name}`;
  input.name = name;
  if (property.description) input.title = property.description;
  wrap.append(input);
  if (property["x-unit"]) {
    const unit = document.createElement("span");
    unit.className = "unit";
    unit.textContent = property["x-unit"];
    wrap.append(unit);
  }
  return wrap;
}

function buildForm() {
  const form = $("form");
  // Kept across a rebuild (the language switch): a set fact's every pick.
  const kept = (e) => (e.multiple ? [...e.selectedOptions].map((o) => o.value) : e.value);
  const values = Object.fromEntries([...form.elements].map((e) => [e.name, kept(e)]));
  form.replaceChildren();
  for (const [name, property] of Object.entries(state.schema.properties)) {
    if (["units", "site", "project"].includes(name)) continue;
    form.append(factField(name, property));
  }
  for (const e of form.elements) {
    const v = values[e.name];
    if (v === undefined) continue;
    if (e.multiple) for (const o of e.options) o.selected = v.includes(o.value);
    else e.value = v;
  }
}

function project() {
  const out = {};
  for (const e of $("form").elements) {
    if (e.dataset.kind === "set") {
      const picked = [...e.selectedOptions].map((o) => o.value);
      if (picked.length > 0) out[e.name] = picked.includes(NONE) ? [] : picked;
      continue;
    }
    if (e.value === "") continue;
    if (e.dataset.kind === "boolean") out[e.name] = e.value === "true";
    else if (e.dataset.kind === "number") out[e.name] = Number(e.value);
    else out[e.name] = e.value;
  }
  if (state.site) out.site = state.site;
  return out;
}

// ---------------------------------------------------------------- the map

function unitStyle(feature) {
  const colour = { priority: "#e57373", key: "#ffb74d", general: "#81c784" }[feature.properties.class] || "#bbb";
  return { color: "#777", weight: 0.6, fillColor: colour, fillOpacity: 0.25 };
}

async function buildMap() {
  const map = L.map("map", { zoomControl: true, attributionControl: false, doubleClickZoom: false });
  state.map = map;
  const names = await getJson("/v1/maps");
  const legend = [];
  if (names.includes("units")) {
    state.layers.units = L.geoJSON(await getJson("/v1/maps/units"), {
      style: unitStyle,
      onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.code} ${f.properties.name}`),
    }).addTo(map);
  }
  if (names.includes("districts")) {
    state.layers.districts = L.geoJSON(await getJson("/v1/maps/districts"), {
      style: { color: "#333", weight: 1.6, fill: false }, interactive: false,
    }).addTo(map);
  }
  let i = 0;
  for (const layer of state.ruleset.layers) {
    if (!names.includes(layer.name)) continue;
    const colour = LAYER_COLOURS[i++ % LAYER_COLOURS.length];
    state.layers[layer.name] = L.geoJSON(await getJson(`/v1/maps/${encodeURIComponent(layer.name)}`), {
      style: { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.15 }, interactive: false,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 4, color: colour }),
    }).addTo(map);
    legend.push(`<span class="key" style="background:${colour}"></span>${escapeHtml(layer.label || layer.name)}`);
  }
  $("legend").innerHTML = legend.join("");
  const bounds = (state.layers.districts || state.layers.units)?.getBounds();
  if (bounds && bounds.isValid()) map.fitBounds(bounds); else map.setView([30, 107], 7);
  map.on("click", (e) => placeVertex(e.latlng));
}

function placeVertex(latlng) {
  const point = [Number(latlng.lng.toFixed(6)), Number(latlng.lat.toFixed(6))];
  if (state.mode === "point") {
    state.vertices = [point];
    setSite({ type: "Point", coordinates: point });
  } else {
    state.vertices.push(point);
    drawPreview();
  }
}

function drawPreview() {
  if (state.preview) state.preview.remove();
  const latlngs = state.vertices.map(([x, y]) => [y, x]);
  state.preview = (state.mode === "polygon" ? L.polygon(latlngs) : L.polyline(latlngs)).setStyle({ color: "#000", weight: 3 });
  state.preview.addTo(state.map);
  $("site-status").textContent = TEXT[state.lang].vertices(state.vertices.length);
}

function finishShape() {
  const v = state.vertices;
  if (state.mode === "line" && v.length >= 2) setSite({ type: "LineString", coordinates: v });
  if (state.mode === "polygon" && v.length >= 3) setSite({ type: "Polygon", coordinates: [[...v, v[0]]] });
}

function setSite(geometry) {
  state.site = geometry;
  if (state.preview) state.preview.remove();
  state.preview = L.geoJSON(geometry, {
    style: { color: "#000", weight: 3, fillOpacity: 0.2 },
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, color: "#000", fillColor: "#fff", fillOpacity: 1 }),
  }).addTo(state.map);
  $("site-status").textContent = t("site");
}

function clearSite() {
  state.site = null;
  state.vertices = [];
  if (state.preview) state.preview.remove();
  state.preview = null;
  $("site-status").textContent = t("noSite");
}

/** Thicker, in red: the layers that the violated or undecided rules test. */
function highlightLayers(decision) {
  const deciding = new Set();
  const rules = new Map(state.ruleset.rule_list.map((r) => [r.id, r]));
  for (const f of decision.findings || []) {
    if (f.status !== "violated" && f.status !== "unknown") continue;
    for (const name of rules.get(f.rule)?.layers || []) deciding.add(name);
  }
  for (const layer of state.ruleset.layers) {
    const group = state.layers[layer.name];
    if (!group) continue;
    group.setStyle(deciding.has(layer.name) ? { weight: 5, color: "#d50000" } : { weight: 2 });
  }
  return [...deciding];
}

// ---------------------------------------------------------------- the answer

const verdictName = (v) => (state.lang === "zh" ? VERDICTS[v] : v);
const statusName = (s) => (state.lang === "zh" ? STATUSES[s] : s);
const partName = (p) => (state.lang === "zh" ? PARTS[p] || p : p);
const truthName = (v) => (state.lang === "zh" ? TRUTHS[v] : v);

function factLabel(name) {
  const fact = state.ruleset.facts.find((f) => f.name === name);
  if (name === "site") return t("sitePart");
  return fact && fact.label ? `${fact.label}（${name}）` : name;
}

function citations(f) {
  let html = "";
  if (f.because) html += `<p><b>${t("because")}</b>${escapeHtml(f.because)}</p>`;
  for (const c of f.cites || []) html += `<p><b>${t("source")}</b>${escapeHtml(c)}</p>`;
  return html;
}

function renderDecision(d) {
  $("verdict").innerHTML = `<span class="verdict v-${d.verdict}" data-verdict="${d.verdict}">${escapeHtml(verdictName(d.verdict))}</span>`;
  let html = "";
  const seen = new Set();
  const demands = (d.findings || []).filter((f) => f.status === "violated" && !seen.has(f.rule) && seen.add(f.rule));
  if (demands.length) {
    html += `<h3>${t("mustChange")}</h3>`;
    for (const f of demands) {
      const ban = f.form === "ban";
      html += `<div class="demand${ban ? "" : " conditional"}" data-rule="${escapeHtml(f.rule)}"><p><b>${escapeHtml(f.rule)}</b> · ${escapeHtml(f.tier)} ${escapeHtml(f.tier_code)}</p>`
        + `<p>${ban ? t("forbids") : t("requires") + escapeHtml((state.lang === "zh" ? f.requirement_zh : f.requirement) || "")}</p>${citations(f)}</div>`;
    }
  }
  const needed = d.needed ?? (d.verdict === "incomplete" ? d.missing : []);  // an older server gives no `needed`
  const others = d.missing.filter((m) => !needed.includes(m));
  if (needed.length) {
    html += `<h3>${t("needed")}</h3><ul id="missing">${needed.map((m) => `<li>${escapeHtml(factLabel(m))}</li>`).join("")}</ul>`;
  }
  if (others.length) {
    html += `<h3>${t("notNeeded")}</h3><ul id="not-needed">${others.map((m) => `<li>${escapeHtml(factLabel(m))}</li>`).join("")}</ul>`;
  }
  html += `<h3>${t("units")}</h3><table id="units"><tr><th>${t("code")}</th><th>${t("name")}</th><th>${t("unitClass")}</th>`
    + `<th>${t("share")}</th><th>${t("verdict")}</th></tr>`;
  for (const u of d.units) {
    const share = u.share == null ? t("unknown") : `${(u.share * 100).toFixed(1)}%`;
    html += `<tr><td>${escapeHtml(u.code)}</td><td>${escapeHtml(u.name)}</td><td>${escapeHtml(TEXT[state.lang].classes[u.class] || u.class)}</td>`
      + `<td>${share}</td><td>${escapeHtml(verdictName(u.verdict))}</td></tr>`;
  }
  html += "</table>";
  const deciding = highlightLayers(d);
  if (deciding.length) {
    const labels = deciding.map((n) => state.ruleset.layers.find((l) => l.name === n)?.label || n);
    html += `<p id="deciding-layers">${t("decided")}${labels.map(escapeHtml).join("、")}</p>`;
  }
  html += `<details><summary>${t("ruleByRule")}</summary><table>`;
  for (const f of d.findings || []) {
    const trace = (f.trace || []).map((s) => `${escapeHtml(partName(s.part))}：${escapeHtml(state.lang === "zh" ? s.text_zh : s.text)} — <b>${escapeHtml(truthName(s.value))}</b>`);
    html += `<tr><td>${escapeHtml(f.rule)}</td><td>${escapeHtml(f.unit)}</td><td class="s-${f.status}">${escapeHtml(statusName(f.status))}</td><td>${trace.join("<br>")}</td></tr>`;
  }
  html += "</table></details>";
  $("findings").innerHTML = html;
}

function renderErrors(body) {
  $("verdict").innerHTML = "";
  const errors = body.errors || [];
  $("findings").innerHTML = `<p class="error">${t("errors")}</p><ul class="error">${errors
    .map((e) => `<li>${escapeHtml(e.fact ? e.fact + ": " : "")}${escapeHtml(e.message[state.lang])}</li>`).join("")}</ul>`;
}

async function check() {
  $("answer").hidden = false;
  $("verdict").textContent = t("busy");
  $("findings").innerHTML = "";
  state.lastProject = project();
  const res = await fetch(`/v1/evaluate?lang=${state.lang}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.lastProject),
  });
  const body = await res.json();
  state.lastAnswer = res.ok ? body : null;
  if (res.ok) renderDecision(body); else renderErrors(body);
}

async function downloadReport() {
  const res = await fetch(`/v1/report?lang=${state.lang}`, { method: "POST", body: JSON.stringify(state.lastProject || project()) });
  const blob = await res.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = state.lang === "zh" ? "准入研判报告.html" : "access-report.html";
  link.click();
}

// ---------------------------------------------------------------- language

function applyLanguage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.title = t("title");
  $("lang-switch").textContent = t("switch");
  if (state.schema) buildForm();
  if (!state.site) $("site-status").textContent = t("noSite");
  if (state.lastAnswer) renderDecision(state.lastAnswer);
}

async function main() {
  [state.schema, state.ruleset] = await Promise.all([getJson("/v1/schema"), getJson("/v1/ruleset")]);
  $("ruleset").textContent = `${state.ruleset.title} · ${state.ruleset.version} · ${state.ruleset.hash.slice(0, 19)}…`;
  applyLanguage();
  await buildMap();
  for (const b of document.querySelectorAll("[data-mode]")) {
    b.addEventListener("click", () => {
      document.querySelectorAll("[data-mode]").forEach((x) => x.classList.toggle("active", x === b));
      state.mode = b.dataset.mode;
      clearSite();
    });
  }
  $("finish").addEventListener("click", finishShape);
  $("clear").addEventListener("click", clearSite);
  $("submit").addEventListener("click", check);
  $("report").addEventListener("click", downloadReport);
  $("lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    applyLanguage();
  });
  document.body.dataset.ready = "true";  // for the browser test: schema, ruleset and every map loaded
}

main().catch((e) => {
  document.body.dataset.ready = "error";
  $("findings").textContent = String(e);
});
