/* warwire map: country outlines (Natural Earth TopoJSON, served locally) and event circles,
   drawn as SVG in Web Mercator. No library: a small TopoJSON decoder, a projection, pan and zoom
   by changing the SVG viewBox. Untrusted text only ever goes through textContent. */
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const WORLD = 1000; // the projected world is a WORLD x WORLD square
  const MAX_LAT = 85.05;

  function project(lon, lat) {
    const la = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
    const x = (lon + 180) / 360 * WORLD;
    const y = (1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2 * WORLD;
    return [x, y];
  }

  /* TopoJSON: arcs are quantized and delta-encoded; a ring lists arc indexes, ~i meaning arc i
     reversed; consecutive arcs share their joining point. */
  function decodeArcs(topo) {
    const t = topo.transform;
    return topo.arcs.map(function (arc) {
      let x = 0, y = 0;
      return arc.map(function (p) {
        if (t) { x += p[0]; y += p[1]; return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]; }
        return [p[0], p[1]];
      });
    });
  }

  function ringPath(ring, arcs) {
    const pts = [];
    ring.forEach(function (i) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      arc.forEach(function (p, k) { if (k > 0 || pts.length === 0) pts.push(p); });
    });
    let d = "";
    pts.forEach(function (p, k) {
      const xy = project(p[0], p[1]);
      d += (k ? "L" : "M") + xy[0].toFixed(2) + "," + xy[1].toFixed(2);
    });
    return d + "Z";
  }

  function geometryPath(g, arcs) {
    if (g.type === "Polygon") return g.arcs.map(function (r) { return ringPath(r, arcs); }).join("");
    if (g.type === "MultiPolygon") {
      return g.arcs.map(function (poly) { return poly.map(function (r) { return ringPath(r, arcs); }).join(""); }).join("");
    }
    return "";
  }

  function el(name, attrs) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  const TYPES = ["battles", "explosions_remote_violence", "violence_against_civilians", "protests",
                 "riots", "strategic_developments"];

  function colour(type) {
    const name = TYPES.indexOf(type) >= 0 ? type : "other";
    return getComputedStyle(document.documentElement).getPropertyValue("--c-" + name).trim() || "#777";
  }

  function radiusPx(fatalities) {
    if (fatalities === null || fatalities === undefined) return 3;
    return Math.min(34, 4 + 2.6 * Math.sqrt(fatalities));
  }

  /* Draw the map into `svg`; returns an object with setEvents(features). */
  function WarMap(svg, opts) {
    this.svg = svg;
    this.opts = opts || {};
    this.view = [0, 0, WORLD, WORLD * 0.75];
    this.tiles = el("g", { "class": "tiles" });
    this.countries = el("g", { "class": "countries" });
    this.events = el("g", { "class": "events" });
    this.tileUrl = this.opts.tileUrl || "";
    svg.appendChild(this.tiles);
    svg.appendChild(this.countries);
    svg.appendChild(this.events);
    this.features = [];
    this._interact();
    this._apply();
  }

  WarMap.prototype.loadOutlines = function (url, selectedIso3) {
    const self = this;
    return fetch(url).then(function (r) { return r.json(); }).then(function (topo) {
      const arcs = decodeArcs(topo);
      const frag = document.createDocumentFragment();
      topo.objects.countries.geometries.forEach(function (g) {
        const path = el("path", { d: geometryPath(g, arcs), "class": "country" });
        const t = el("title");
        t.textContent = (g.properties && g.properties.name) || "";
        path.appendChild(t);
        path.dataset.iso = g.id || "";
        frag.appendChild(path);
      });
      self.countries.appendChild(frag);
      self.svg.dataset.outlines = String(topo.objects.countries.geometries.length);
    });
  };

  WarMap.prototype.setEvents = function (features) {
    const self = this;
    this.features = features.filter(function (f) { return f.geometry && f.geometry.coordinates; });
    while (this.events.firstChild) this.events.removeChild(this.events.firstChild);
    // biggest first so small circles stay clickable on top
    const sorted = this.features.slice().sort(function (a, b) {
      return (b.properties.fatalities || 0) - (a.properties.fatalities || 0);
    });
    const frag = document.createDocumentFragment();
    sorted.forEach(function (f) {
      const p = f.properties;
      const xy = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      const c = el("circle", { cx: xy[0].toFixed(3), cy: xy[1].toFixed(3), r: 1, "class": "ev" });
      c.style.fill = colour(p.event_type);
      c.dataset.r = String(radiusPx(p.fatalities));
      c.dataset.id = p.id;
      const t = el("title");
      t.textContent = [p.date || "undated", (p.sub_event_type || p.event_type || "").replace(/_/g, " "),
                       p.location || p.country || "", "fatalities: " + (p.fatalities === null ? "?" : p.fatalities)].join(" · ");
      c.appendChild(t);
      c.addEventListener("click", function () {
        if (!self.moved) window.location.href = "/events/" + encodeURIComponent(p.id);
      });
      frag.appendChild(c);
    });
    this.events.appendChild(frag);
    this.svg.dataset.circles = String(sorted.length);
    this.fit();
  };

  /* Fit the view to the events (at least ~8 degrees across), or the world when there are none. */
  WarMap.prototype.fit = function () {
    if (!this.features.length) { this.view = [0, 80, WORLD, WORLD * 0.75]; this._apply(); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    this.features.forEach(function (f) {
      const xy = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      x0 = Math.min(x0, xy[0]); y0 = Math.min(y0, xy[1]); x1 = Math.max(x1, xy[0]); y1 = Math.max(y1, xy[1]);
    });
    const minSpan = WORLD * 8 / 360;
    let w = Math.max(x1 - x0, minSpan) * 1.3, h = Math.max(y1 - y0, minSpan) * 1.3;
    const aspect = this._aspect();
    if (w / h > aspect) h = w / aspect; else w = h * aspect;
    this.view = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
    this._apply();
  };

  WarMap.prototype._aspect = function () {
    const r = this.svg.getBoundingClientRect();
    return r.width && r.height ? r.width / r.height : 4 / 3;
  };

  WarMap.prototype._apply = function () {
    const v = this.view;
    this.svg.setAttribute("viewBox", v.map(function (n) { return n.toFixed(3); }).join(" "));
    const px = this.svg.getBoundingClientRect().width || 800;
    const unit = v[2] / px; // world units per screen pixel
    Array.prototype.forEach.call(this.events.childNodes, function (c) {
      c.setAttribute("r", (parseFloat(c.dataset.r) * unit).toFixed(4));
    });
    if (this.tileUrl) this._drawTiles(px / v[2]);
  };

  /* Optional online tile layer (only when the server was started with --tiles URL): slippy-map
     tiles line up with this Web Mercator square, tile (z, x, y) covering WORLD / 2^z units. */
  WarMap.prototype._drawTiles = function (pxPerUnit) {
    const v = this.view;
    const z = Math.max(0, Math.min(18, Math.round(Math.log2(WORLD * pxPerUnit / 256))));
    const n = Math.pow(2, z), size = WORLD / n;
    const x0 = Math.max(0, Math.floor(v[0] / size)), x1 = Math.min(n - 1, Math.floor((v[0] + v[2]) / size));
    const y0 = Math.max(0, Math.floor(v[1] / size)), y1 = Math.min(n - 1, Math.floor((v[1] + v[3]) / size));
    const key = [z, x0, x1, y0, y1].join("/");
    if (key === this._tileKey || (x1 - x0 + 1) * (y1 - y0 + 1) > 80) return;
    this._tileKey = key;
    while (this.tiles.firstChild) this.tiles.removeChild(this.tiles.firstChild);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const href = this.tileUrl.replace("{z}", z).replace("{x}", x).replace("{y}", y);
        this.tiles.appendChild(el("image", { href: href, x: x * size, y: y * size, width: size, height: size }));
      }
    }
    this.svg.classList.add("with-tiles");
  };

  WarMap.prototype.zoom = function (factor, cx, cy) {
    const v = this.view;
    if (cx === undefined) { cx = v[0] + v[2] / 2; cy = v[1] + v[3] / 2; }
    const w = Math.min(WORLD * 1.5, Math.max(WORLD / 2000, v[2] * factor));
    const k = w / v[2];
    this.view = [cx - (cx - v[0]) * k, cy - (cy - v[1]) * k, v[2] * k, v[3] * k];
    this._apply();
  };

  WarMap.prototype._toWorld = function (evt) {
    const r = this.svg.getBoundingClientRect();
    const v = this.view;
    return [v[0] + (evt.clientX - r.left) / r.width * v[2], v[1] + (evt.clientY - r.top) / r.height * v[3]];
  };

  WarMap.prototype._interact = function () {
    const self = this;
    let start = null;
    this.svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      const p = self._toWorld(e);
      self.zoom(e.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
    }, { passive: false });
    this.svg.addEventListener("pointerdown", function (e) {
      start = { x: e.clientX, y: e.clientY, view: self.view.slice() };
      self.moved = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!start) return;
      const dx = e.clientX - start.x, dy = e.clientY - start.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { self.moved = true; self.svg.classList.add("dragging"); }
      if (!self.moved) return;
      const r = self.svg.getBoundingClientRect();
      const v = start.view;
      self.view = [v[0] - dx / r.width * v[2], v[1] - dy / r.height * v[3], v[2], v[3]];
      self._apply();
    });
    window.addEventListener("pointerup", function () {
      start = null;
      self.svg.classList.remove("dragging");
      setTimeout(function () { self.moved = false; }, 0);
    });
    window.addEventListener("resize", function () { self._apply(); });
  };

  window.Warwire = window.Warwire || {};
  window.Warwire.WarMap = WarMap;
  window.Warwire.decodeArcs = decodeArcs;
  window.Warwire.project = project;
})();
