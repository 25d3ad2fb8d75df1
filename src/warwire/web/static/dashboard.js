/* warwire dashboard: fetches the map's GeoJSON and the timeline's day counts for the filters in
   the page's URL (the same query string the table was rendered with), draws both, and turns a
   drag over the timeline into a date-range filter (a new URL, so every view can be shared). */
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function el(name, attrs) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function parseDay(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
  function fmtDay(t) { return new Date(t).toISOString().slice(0, 10); }

  /* Day rows → bins: per day up to ~370 days, else per week, else per month. */
  function binDays(days) {
    if (!days.length) return { unit: "day", bins: [] };
    const t0 = parseDay(days[0].date), t1 = parseDay(days[days.length - 1].date);
    const span = (t1 - t0) / DAY + 1;
    const unit = span <= 370 ? "day" : span <= 7 * 260 ? "week" : "month";
    const key = function (t) {
      if (unit === "day") return t;
      if (unit === "week") return t - (((new Date(t).getUTCDay() + 6) % 7) * DAY);
      const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    };
    const next = function (t) {
      if (unit === "day") return t + DAY;
      if (unit === "week") return t + 7 * DAY;
      const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    };
    const map = new Map();
    days.forEach(function (r) {
      const k = key(parseDay(r.date));
      const b = map.get(k) || { start: k, end: next(k) - DAY, events: 0, fatalities: 0 };
      b.events += r.events; b.fatalities += r.fatalities || 0;
      map.set(k, b);
    });
    const bins = [];
    for (let t = key(t0); t <= t1; t = next(t)) {
      bins.push(map.get(t) || { start: t, end: next(t) - DAY, events: 0, fatalities: 0 });
    }
    return { unit: unit, bins: bins };
  }

  function drawTimeline(svg, data, onRange) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const W = svg.getBoundingClientRect().width || 600, H = svg.getBoundingClientRect().height || 250;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    const m = { l: 40, r: 56, t: 12, b: 34 };
    const binned = binDays(data.days || []);
    const bins = binned.bins;
    svg.dataset.unit = binned.unit;
    svg.dataset.bins = String(bins.length);
    if (!bins.length) {
      const t = el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" });
      t.textContent = "no dated events for these filters";
      svg.appendChild(t);
      return;
    }
    const maxE = Math.max(1, Math.max.apply(null, bins.map(function (b) { return b.events; })));
    const maxF = Math.max(1, Math.max.apply(null, bins.map(function (b) { return b.fatalities; })));
    const iw = W - m.l - m.r, ih = H - m.t - m.b;
    const bw = iw / bins.length;
    const x = function (i) { return m.l + i * bw; };
    const yE = function (v) { return m.t + ih - v / maxE * ih; };
    const yF = function (v) { return m.t + ih - v / maxF * ih; };
    svg.appendChild(el("line", { x1: m.l, y1: m.t + ih, x2: m.l + iw, y2: m.t + ih, "class": "axis" }));
    bins.forEach(function (b, i) {
      const r = el("rect", { x: x(i) + (bw > 3 ? 0.5 : 0), y: yE(b.events), width: Math.max(0.8, bw - (bw > 3 ? 1 : 0)),
                             height: m.t + ih - yE(b.events), "class": "bar" });
      const t = el("title");
      t.textContent = fmtDay(b.start) + (binned.unit === "day" ? "" : " – " + fmtDay(b.end)) +
        ": " + b.events + " event(s), " + b.fatalities + " fatalities";
      r.appendChild(t);
      svg.appendChild(r);
    });
    let d = "";
    bins.forEach(function (b, i) { d += (i ? "L" : "M") + (x(i) + bw / 2).toFixed(1) + "," + yF(b.fatalities).toFixed(1); });
    svg.appendChild(el("path", { d: d, "class": "fat" }));
    if (bins.length <= 60) {
      bins.forEach(function (b, i) { svg.appendChild(el("circle", { cx: x(i) + bw / 2, cy: yF(b.fatalities), r: 2.2, "class": "fatdot" })); });
    }
    // axes labels: events on the left, fatalities on the right, ~6 dates below
    const label = function (txt, ax, ay, anchor) {
      const t = el("text", { x: ax, y: ay, "text-anchor": anchor || "start" }); t.textContent = txt; svg.appendChild(t);
    };
    label(String(maxE), m.l - 4, m.t + 8, "end"); label("0", m.l - 4, m.t + ih, "end");
    label(String(maxF), m.l + iw + 4, m.t + 8); label("events", 2, H - 4);
    label("fatalities", W - 2, H - 4, "end");
    const step = Math.max(1, Math.ceil(bins.length / 6));
    for (let i = 0; i < bins.length; i += step) label(fmtDay(bins[i].start), x(i), m.t + ih + 14);
    // drag to choose a date range
    const brush = el("rect", { y: m.t, height: ih, width: 0, "class": "brush" });
    brush.style.display = "none";
    svg.appendChild(brush);
    let from = null;
    const binAt = function (evt) {
      const r = svg.getBoundingClientRect();
      const px = (evt.clientX - r.left) / r.width * W;
      return Math.max(0, Math.min(bins.length - 1, Math.floor((px - m.l) / bw)));
    };
    svg.addEventListener("pointerdown", function (e) { from = binAt(e); brush.style.display = ""; move(e); });
    const move = function (e) {
      if (from === null) return;
      const to = binAt(e), a = Math.min(from, to), b = Math.max(from, to);
      brush.setAttribute("x", x(a)); brush.setAttribute("width", (b - a + 1) * bw);
    };
    svg.addEventListener("pointermove", move);
    window.addEventListener("pointerup", function (e) {
      if (from === null) return;
      const to = binAt(e), a = Math.min(from, to), b = Math.max(from, to);
      from = null;
      onRange(fmtDay(bins[a].start), fmtDay(bins[b].end));
    });
  }

  function withParams(changes) {
    const q = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null || changes[k] === "") q.delete(k); else q.set(k, changes[k]);
    });
    q.delete("offset");
    return window.location.pathname + "?" + q.toString();
  }

  function filterQuery() {
    const q = new URLSearchParams(window.location.search);
    q.delete("offset"); q.delete("limit"); q.delete("sort");
    return q;
  }

  function start() {
    const root = document.getElementById("dashboard");
    if (!root) return;
    const status = document.getElementById("map-status");
    const mapSvg = document.getElementById("map");
    const map = new window.Warwire.WarMap(mapSvg, { tileUrl: root.dataset.tiles || "" });
    const outlines = map.loadOutlines(root.dataset.outlines);
    const q = filterQuery();
    q.set("limit", root.dataset.mapLimit || "5000");
    const geo = fetch("/events.geojson?" + q.toString()).then(function (r) { return r.json(); });
    Promise.all([outlines, geo]).then(function (res) {
      const fc = res[1];
      map.setEvents(fc.features || []);
      const placed = (fc.features || []).filter(function (f) { return f.geometry; }).length;
      status.textContent = placed + " event(s) on the map" +
        (fc.total > (fc.features || []).length ? " (the " + fc.features.length + " deadliest of " + fc.total + ")" : "") +
        ((fc.features || []).length > placed ? "; " + ((fc.features || []).length - placed) + " without coordinates" : "");
      root.dataset.ready = "1";
    }).catch(function (err) { status.textContent = "map failed to load: " + err; root.dataset.ready = "error"; });
    document.getElementById("zoom-in").addEventListener("click", function () { map.zoom(0.7); });
    document.getElementById("zoom-out").addEventListener("click", function () { map.zoom(1.4); });
    document.getElementById("zoom-fit").addEventListener("click", function () { map.fit(); });

    const tsvg = document.getElementById("timeline");
    const tq = filterQuery();
    fetch("/timeline.json?" + tq.toString()).then(function (r) { return r.json(); }).then(function (data) {
      drawTimeline(tsvg, data, function (a, b) { window.location.href = withParams({ date_from: a, date_to: b }); });
      tsvg.dataset.ready = "1";
    }).catch(function (err) { tsvg.dataset.ready = "error"; tsvg.textContent = String(err); });
  }

  window.Warwire = window.Warwire || {};
  window.Warwire.binDays = binDays;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
