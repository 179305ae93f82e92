"use strict";
// The playground page: a live LaTeX preview of what is typed (POST /api/parse), and the answer of the chosen
// operation with its verdict, engine and the model's candidates. No build step, no CDN: KaTeX is vendored.
(() => {
  const $ = id => document.getElementById(id);
  const form = $("form"), input = $("expr"), preview = $("preview"), previewError = $("preview-error");
  const result = $("result"), answer = $("answer"), status = $("status"), error = $("error");
  const mode = () => form.querySelector("input[name=mode]:checked").value;

  function tex(el, latex, display) {
    try { katex.render(latex, el, { displayMode: !!display, throwOnError: false }); }
    catch { el.textContent = latex; }
  }

  async function post(path, expression) {
    const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ expression }) });
    let body;
    try { body = await r.json(); } catch { body = { error: `HTTP ${r.status}` }; }
    return { ok: r.ok, status: r.status, body };
  }

  function describeError(body) {
    return body.column ? `${body.error} (column ${body.column}${body.expected ? `, expected ${body.expected}` : ""})` : body.error;
  }

  let previewTimer = 0, previewSeq = 0;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(async () => {
      const text = input.value.trim(), seq = ++previewSeq;
      if (!text) { preview.textContent = ""; previewError.textContent = ""; return; }
      const r = await post("/api/parse", text).catch(() => null);
      if (seq !== previewSeq || !r) return;
      if (r.ok) { previewError.textContent = ""; tex(preview, (mode() === "integrate" ? "\\int " : "") + r.body.input.latex + (mode() === "integrate" ? "\\,dx" : ""), true); }
      else { previewError.textContent = describeError(r.body); }
    }, 150);
  }

  async function submit(ev) {
    if (ev) ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const m = mode();
    error.textContent = "";
    $("go").disabled = true;
    status.textContent = "working…";
    try {
      const r = await post(`/api/${m}`, text);
      if (!r.ok) { result.hidden = true; error.textContent = describeError(r.body); return; }
      show(m, r.body);
    } catch (e) {
      error.textContent = `the server did not answer: ${e}`;
    } finally {
      $("go").disabled = false;
    }
  }

  function show(m, b) {
    result.hidden = false;
    const tbody = $("candidates").querySelector("tbody");
    tbody.innerHTML = "";
    $("attempts").innerHTML = "";
    if (m === "simplify" || m === "diff") {
      tex(answer, (m === "diff" ? `\\frac{d}{dx}\\left(${b.input.latex}\\right) = ` : "") + b.result.latex, true);
      answer.dataset.infix = b.result.infix;
      status.className = "status ok";
      status.textContent = `${m === "diff" ? "derivative" : "simplified"} · ${b.milliseconds} ms`;
      $("details").hidden = true;
      showSteps(m, []);
      return;
    }
    $("details").hidden = false;
    showSteps(m, b.steps || []);
    if (b.verified) {
      const lhs = m === "integrate" ? `\\int ${b.problem.latex}\\,dx = ` : "y = ";
      tex(answer, lhs + b.answer.latex + (m === "integrate" ? " + C" : ""), true);
      answer.dataset.infix = b.answer.infix;
      status.className = "status ok";
      status.textContent = `verified · by ${b.engine}${b.method ? ` (${b.method})` : ""} · ${b.milliseconds} ms — ${b.reason}`;
    } else {
      answer.textContent = "No verified answer.";
      answer.dataset.infix = "";
      status.className = "status fail";
      status.textContent = `unsolved · ${b.milliseconds} ms — ${b.reason}`;
    }
    for (const c of b.candidates) {
      const tr = document.createElement("tr");
      tr.className = c.verdict;
      const cell = document.createElement("td");
      if (c.answer) tex(cell, c.answer.latex, false); else cell.textContent = "(not an expression)";
      tr.append(td(c.rank), td(c.score.toFixed(3)), cell, td(c.verdict, c.reason));
      tbody.append(tr);
    }
    for (const a of b.attempts) { const li = document.createElement("li"); li.textContent = a; $("attempts").append(li); }
  }

  // The derivation, one item per step, indented by depth: the rule, the integral (or equation) and its result in
  // KaTeX, the choice the rule made, and the verifier's verdict on that step.
  function showSteps(m, steps) {
    const list = $("steps");
    list.innerHTML = "";
    $("steps-panel").hidden = steps.length === 0;
    for (const s of steps) {
      const li = document.createElement("li");
      li.className = `step ${s.verdict === "verified" ? "verified" : "unverified"}`;
      li.style.marginLeft = `${s.depth * 1.5}em`;
      const rule = document.createElement("strong");
      rule.textContent = `${s.rule}: `;
      const math = document.createElement("span");
      tex(math, s.equation ? `${s.problem.latex} = 0 \\;\\Rightarrow\\; y = ${s.result.latex}` : `\\int ${s.problem.latex}\\,dx = ${s.result.latex}`, false);
      const verdict = document.createElement("span");
      verdict.className = "verdict";
      verdict.textContent = ` [${s.verdict}]`;
      verdict.title = s.reason;
      li.append(rule, math, verdict);
      if (s.detail) { const d = document.createElement("div"); d.className = "detail"; d.textContent = s.detail; li.append(d); }
      list.append(li);
    }
  }

  function td(text, title) { const el = document.createElement("td"); el.textContent = text; if (title) el.title = title; return el; }

  form.addEventListener("submit", submit);
  input.addEventListener("input", schedulePreview);
  form.querySelectorAll("input[name=mode]").forEach(r => r.addEventListener("change", schedulePreview));
  document.querySelectorAll(".examples button").forEach(btn => btn.addEventListener("click", () => {
    form.querySelector(`input[name=mode][value=${btn.dataset.mode}]`).checked = true;
    input.value = btn.dataset.expr;
    schedulePreview();
    submit();
  }));
})();
