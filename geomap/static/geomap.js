// geomap's browser side: draws the events of one map (see geomap/_map_js.py).
// geomapRender(map, D) takes the Leaflet map and the columnar JSON payload built
// by geomap.mapping._payload. Article text only ever reaches the page through
// textContent (never innerHTML); colours were validated in Python.
function geomapRender(map, D) {
  "use strict";
  var ICON = 30, R = 11.5;
  var lazy = null;
  function col(name, k) {
    var c = D.cols[name];
    if (!c && !lazy && (name === "sentence" || name === "claims")) {  // mapping.LAZY_COLUMNS: parsed on first use
      var node = document.getElementById(D.lazy);
      lazy = node ? JSON.parse(node.textContent) : {};
      Object.keys(lazy).forEach(function (key) { D.cols[key] = lazy[key]; });
      c = D.cols[name];
    }
    if (!c) return null;
    if (c.v) { var i = c.i[k]; return i < 0 ? null : c.v[i]; }
    var r = c.r[k]; return r === undefined ? null : r;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function safeUrl(u) {
    if (typeof u !== "string" || !/^\s*https?:\/\//i.test(u)) return null;
    try { var p = new URL(u.trim()); return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null; }
    catch (e) { return null; }
  }
  function stanceClass(s) {
    if (!s || s === "asserted") return "asserted";
    if (s === "denied") return "denied";
    if (s === "threatened" || s === "planned") return "threatened";
    return "claimed";
  }
  // Colours were validated in Python; glyphs are our own constant SVG.
  function iconSvg(colour, action, stance, size, dx, dy) {
    var sc = stanceClass(stance), s = size || ICON,
      g = Object.prototype.hasOwnProperty.call(D.glyphs, action) ? D.glyphs[action] : D.glyphs.other;
    var fill = colour, stroke = "#fff", ink = "#fff", dash = "", sw = 2;
    if (sc !== "asserted") { fill = "#fff"; stroke = colour; ink = colour; sw = 3; dash = sc === "threatened" ? "0.5 4" : "5 3"; }
    var out = '<svg xmlns="http://www.w3.org/2000/svg" width="' + s + '" height="' + s + '" viewBox="0 0 30 30">';
    if (dx * dx + dy * dy > R * R) {
      // A marker pushed off its place keeps a leader line to a dot on the place itself.
      out += '<path class="leader" d="M15 15L' + (15 - dx) + " " + (15 - dy) + '" stroke="' + colour +
        '" stroke-width="1.5"/><circle cx="' + (15 - dx) + '" cy="' + (15 - dy) + '" r="2.5" fill="' + colour +
        '" stroke="#fff" stroke-width="1"/>';
    }
    out += '<circle cx="15" cy="15" r="' + R + '" fill="' + fill + '" stroke="' + stroke + '" stroke-width="' + sw + '"' +
      (dash ? ' stroke-dasharray="' + dash + '" stroke-linecap="round"' : "") + "/>" +
      '<g transform="translate(7.5 7.5) scale(.625)" fill="none" stroke="' + ink + '" stroke-width="2.6" ' +
      'stroke-linecap="round" stroke-linejoin="round">' + g + "</g>";
    if (sc === "denied") out += '<path d="M5 25L25 5" stroke="#222" stroke-width="2.4" stroke-linecap="round"/>';
    return out + "</svg>";
  }
  var sides = D.sides;
  var iconCache = {};
  var actionCodes = D.cols.action ? D.cols.action.i : null, stanceCodes = D.cols.stance ? D.cols.stance.i : null;
  function icon(k, dx, dy) {
    var side = D.side[k], action = col("action", k), stance = col("stance", k);
    // Codes, not texts, key the cache: this runs once per event on big maps.
    var key = dx || dy ? side + "|" + action + "|" + stanceClass(stance) + "|" + dx + "|" + dy :
      (side * 4096 + (actionCodes ? actionCodes[k] + 1 : 0)) * 4096 + (stanceCodes ? stanceCodes[k] + 1 : 0);
    if (!iconCache[key]) {
      iconCache[key] = L.divIcon({className: "geomap-marker", html: iconSvg(sides[side].colour, action, stance, ICON, dx, dy),
        iconSize: [ICON, ICON], iconAnchor: [ICON / 2 - dx, ICON / 2 - dy], popupAnchor: [dx, dy - 12],
        tooltipAnchor: [dx, dy - 12]});
    }
    return iconCache[key];
  }
  function summary(k) {
    var parts = [col("actor", k) || "unknown actor", col("action", k) || "?"];
    if (col("target", k)) parts.push(col("target", k));
    var s = parts.join(" \u2192 ");
    var where = col("place", k) || col("place_text", k);
    if (where) s += " \u00b7 " + (col("qualifier", k) ? col("qualifier", k).replace(/_/g, " ") + " " : "") + where;
    var st = col("stance", k);
    if (st && st !== "asserted") s += " (" + st + (col("reported_by", k) ? " by " + col("reported_by", k) : "") + ")";
    if (col("date", k)) s += " \u00b7 " + col("date", k);
    return s;
  }
  function popupEl(k) {
    var box = el("div", "geomap-popup"), head = el("div", "head"), sw = el("span", "sw");
    sw.style.background = sides[D.side[k]].colour;
    head.appendChild(sw);
    head.appendChild(document.createTextNode([col("actor", k) || "unknown actor", col("action", k) || "?",
      col("target", k)].filter(Boolean).join(" \u2192 ")));
    box.appendChild(head);
    if (col("sentence", k)) box.appendChild(el("blockquote", "sentence", col("sentence", k)));
    var t = el("table"), rows = [
      ["Place", [col("qualifier", k) ? col("qualifier", k).replace(/_/g, " ") : null, col("place", k) || col("place_text", k),
        col("precision", k) ? "(" + col("precision", k) + ")" : null].filter(Boolean).join(" ")],
      ["Reported by", col("reported_by", k) || (col("outlet", k) ? col("outlet", k) + " (outlet)" : null)],
      ["Stance", col("stance", k)], ["Date", col("date", k)], ["Sides", [sides[D.side[k]].label,
        col("target_side", k)].filter(Boolean).join(" vs ")],
      ["Backer", col("backer", k)], ["Document", [col("doc", k), col("title", k) ? "\u201c" + col("title", k) + "\u201d" : null]
        .filter(Boolean).join(" ")]];
    rows.forEach(function (r) {
      if (!r[1]) return;
      var tr = el("tr"); tr.appendChild(el("th", null, r[0])); tr.appendChild(el("td", null, r[1])); t.appendChild(tr);
    });
    var outlet = col("outlet", k), url = col("url", k);
    if (outlet || url) {
      var tr = el("tr"), td = el("td"), href = safeUrl(url);
      tr.appendChild(el("th", null, "Source"));
      if (href) {
        var a = el("a", null, outlet || url); a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
        td.appendChild(a);
      } else {
        td.textContent = [outlet, url].filter(Boolean).join(" ");
      }
      tr.appendChild(td); t.appendChild(tr);
    }
    box.appendChild(t);
    var claims = col("claims", k), n = col("n_reports", k);
    if (claims) {
      try { claims = JSON.parse(claims); } catch (e) { claims = null; }
      if (Array.isArray(claims) && claims.length > 1) {
        box.appendChild(el("div", "head", (n || claims.length) + " reports"));
        var ol = el("ol", "claims");
        claims.forEach(function (c) {
          var li = el("li", null, [c.outlet || c.doc, c.reported_by ? "according to " + c.reported_by : null,
            c.stance ? "(" + c.stance + ")" : null].filter(Boolean).join(" ") + (c.sentence ? ": " + c.sentence : ""));
          ol.appendChild(li);
        });
        box.appendChild(ol);
      }
    }
    return box;
  }
  // Markers are plain L.Marker objects carrying the event's row ``k`` and day ``d``;
  // their element is tagged whenever it is (re)created, through public events.
  var EventMarker = L.Marker.extend({options: {riseOnHover: true}});
  function tag(m) {
    var e = m.getElement();
    if (!e || e.getAttribute("data-event")) return;
    e.setAttribute("data-event", String(col("event_id", m.k) || m.k));
    e.setAttribute("aria-label", summary(m.k));
  }
  map.on("layeradd", function (e) { if (e.layer instanceof EventMarker) tag(e.layer); });
  var container = map.getContainer(), overlays = {}, sideGroups = [];
  function ready() {
    container.setAttribute("data-geomap-ready", "1");
    if (window.performance && performance.mark) performance.mark("geomap:ready");
  }
  function swatchName(side, n) {
    return '<span class="geomap-sw" style="display:inline-block;width:10px;height:10px;border-radius:50%;background:' +
      side.colour + '"></span> ' + esc(side.label) + " (" + n + ")";
  }
  // One host layer holds every side's markers, so markers of different sides
  // that overlap are clustered (or fanned out) together.
  // One synchronous addLayers: chunked loading measured no faster, and on a
  // busy machine its pauses only add up; nothing shows before it ends anyway.
  var host;
  // Fit the view before clustering: re-clustering for a new zoom costs as much again.
  if (D.bounds) {
    map.fitBounds(D.bounds, {paddingTopLeft: [60, 80], paddingBottomRight: [230, 40], maxZoom: 9, animate: false});
  }
  if (D.cluster) {
    host = L.markerClusterGroup({maxClusterRadius: D.clusterRadius, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true, iconCreateFunction: pieIcon});
  } else {
    host = L.featureGroup();
  }
  // skipLayerAddEvent: nobody listens to the group's per-marker events.
  function hostAdd(ms) { if (host.addLayers) host.addLayers(ms, true); else ms.forEach(function (m) { host.addLayer(m); }); }
  function hostRemove(ms) {
    if (host.removeLayers) host.removeLayers(ms); else ms.forEach(function (m) { host.removeLayer(m); });
  }
  // Cluster icons are pies of the sides inside them.
  function pieIcon(c) {
    var ms = c.getAllChildMarkers(), counts = {}, n = ms.length, stops = [], acc = 0;
    ms.forEach(function (m) { var si = D.side[m.k]; counts[si] = (counts[si] || 0) + 1; });
    Object.keys(counts).forEach(function (si) {
      var a = acc; acc += counts[si] / n * 100;
      stops.push(sides[si].colour + " " + a.toFixed(2) + "% " + acc.toFixed(2) + "%");
    });
    var size = n < 10 ? 32 : n < 100 ? 38 : n < 1000 ? 44 : 50;
    return L.divIcon({html: '<div style="background:radial-gradient(circle,#fff 0 50%,transparent 52%),conic-gradient(' +
        stops.join(",") + ')"><span>' + n + "</span></div>",
      className: "marker-cluster geomap-cluster", iconSize: [size, size]});
  }
  var SideLayer = L.Layer.extend({
    initialize: function (sg) { this.sg = sg; },
    onAdd: function (m) {
      if (!this.sg.on) { this.sg.on = true; hostAdd(this.sg.current); }
      m.addLayer(this.sg.shapeLayer); declutter();
    },
    onRemove: function (m) {
      this.sg.on = false; hostRemove(this.sg.current); m.removeLayer(this.sg.shapeLayer); declutter();
    }
  });
  // Markers straight from the columns: no GeoJSON feature objects in between.
  // D.order lists the located events along a space-filling curve: the clusterer
  // then mostly extends clusters it has just made (a third less time at 100k).
  var allMarkers = [], bySide = sides.map(function () { return []; });
  for (var i = 0, n = D.order.length; i < n; i++) {
    var k = D.order[i], m = new EventMarker(L.latLng(D.lat[k], D.lon[k]));
    m.options.icon = icon(k, 0, 0);
    m.k = k; m.d = D.day[k] < 0 ? null : D.days[D.day[k]];
    allMarkers.push(m); bySide[D.side[k]].push(m);
  }
  sides.forEach(function (side, si) {
    var markers = bySide[si], shapes = D.shapes.filter(function (s) { return s.s === si; });
    if (!markers.length && !shapes.length) return;
    var sg = {si: si, markers: markers, current: markers, on: true, shapeLayer: L.featureGroup(),
      shapes: shapes.map(function (s) { return [s, drawShape(s, side.colour)]; })};
    sg.layer = new SideLayer(sg);
    overlays[swatchName(side, markers.length)] = sg.layer;
    sideGroups.push(sg);
  });
  host.addTo(map);
  if (window.performance && performance.mark) performance.mark("geomap:markers");
  hostAdd(allMarkers);
  if (window.performance && performance.mark) performance.mark("geomap:clustered");
  host.on("click", function (e) {
    var m = e.layer;
    if (!(m instanceof EventMarker) || m.getPopup()) return;
    // keepClear (below) places it instead of Leaflet's autoPan, which knows only the map's edges.
    m.bindPopup(function () { return popupEl(m.k); }, {maxWidth: 380, minWidth: 240, autoPan: false});
    m.openPopup();
  });
  host.on("popupopen", function (e) {  // from the marker, propagated: e.layer is the marker
    if (!(e.layer instanceof EventMarker)) return;
    e.layer.closeTooltip();
    keepClear(e.popup);
  });
  // Pan the map the least distance that puts the popup inside the map and off
  // every control (legend, title, layers, slider, panel): candidate shifts line
  // the popup up with an edge of one of them; the cheapest one that is clear wins.
  function keepClear(popup) {
    var node = popup.getElement();
    if (!node) return;
    var r = node.getBoundingClientRect(), box = container.getBoundingClientRect(), M = 8, obstacles = [];
    container.querySelectorAll(".leaflet-control, .geomap-title").forEach(function (c) {
      var o = c.getBoundingClientRect();
      if (o.width && o.height) obstacles.push(o);
    });
    function inside(dx, dy) {
      return r.left + dx >= box.left + M && r.right + dx <= box.right - M &&
        r.top + dy >= box.top + M && r.bottom + dy <= box.bottom - M;
    }
    function clear(dx, dy) {
      return inside(dx, dy) && obstacles.every(function (o) {
        return r.right + dx + M <= o.left || r.left + dx - M >= o.right || r.bottom + dy + M <= o.top ||
          r.top + dy - M >= o.bottom;
      });
    }
    var xs = [0, box.left + M - r.left, box.right - M - r.right], ys = [0, box.top + M - r.top, box.bottom - M - r.bottom];
    obstacles.forEach(function (o) {
      xs.push(o.left - M - r.right, o.right + M - r.left); ys.push(o.top - M - r.bottom, o.bottom + M - r.top);
    });
    var best = null;
    xs.forEach(function (dx) {
      ys.forEach(function (dy) {
        var cost = Math.abs(dx) + Math.abs(dy);
        if ((!best || cost < best[2]) && clear(dx, dy)) best = [dx, dy, cost];
      });
    });
    if (!best) {  // no clear spot (a small window): keep it inside the map, its top edge first
      best = [Math.max(Math.min(0, box.right - M - r.right), box.left + M - r.left),
        Math.max(Math.min(0, box.bottom - M - r.bottom), box.top + M - r.top)];
    }
    if (best[0] || best[1]) map.panBy([-Math.round(best[0]), -Math.round(best[1])]);
  }
  // Escape closes the popup even when focus sits on a marker, not on the map.
  L.DomEvent.on(container, "keydown", function (e) { if (e.key === "Escape") map.closePopup(); });
  host.on("mouseover", function (e) {
    var m = e.layer;
    if (!(m instanceof EventMarker) || m.getTooltip()) return;
    m.bindTooltip(function () { return el("span", null, summary(m.k)); },
      {direction: "top", className: "geomap-tooltip"});
    m.openTooltip();
  });
  // Without clustering, markers closer than an icon push each other apart in
  // screen space (recomputed at every zoom), so none hides another -- but never
  // more than MAXD pixels from their place, which a leader line and dot mark:
  // zoomed out to the world, a crowd of events then overlaps near its places
  // instead of spreading across a country.
  function declutter() {
    if (D.cluster || map.getZoom() === undefined) return;  // no view yet: nothing to measure
    var z = map.getZoom(), ms = [], P = [], MIN = ICON + 2, MAXD = ICON * 1.6;
    host.eachLayer(function (m) { var p = map.project(m.getLatLng(), z); ms.push(m); P.push({x0: p.x, y0: p.y, x: p.x, y: p.y}); });
    var n = ms.length;
    if (n > 400) return;
    for (var it = 0; it < 80; it++) {
      var moved = false;
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = P[i], b = P[j], dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy);
          if (d >= MIN) continue;
          if (d < 0.01) { dx = Math.cos(j * 2.39996); dy = Math.sin(j * 2.39996); d = 1; }  // golden angle
          var push = (MIN - d) / 2 + 0.25;
          dx /= d; dy /= d; a.x -= dx * push; a.y -= dy * push; b.x += dx * push; b.y += dy * push; moved = true;
        }
      }
      P.forEach(function (p) {
        var ox = p.x - p.x0, oy = p.y - p.y0, od = Math.sqrt(ox * ox + oy * oy);
        if (od > MAXD) { p.x = p.x0 + ox / od * MAXD; p.y = p.y0 + oy / od * MAXD; }
      });
      if (!moved) break;
    }
    ms.forEach(function (m, i) {
      var dx = Math.round(P[i].x - P[i].x0), dy = Math.round(P[i].y - P[i].y0);
      if ((m._dx || 0) !== dx || (m._dy || 0) !== dy) {
        m._dx = dx; m._dy = dy; m.setIcon(icon(m.k, dx, dy)); tag(m);
      }
    });
  }
  map.on("zoomend", declutter);
  map.whenReady(declutter);
  function arrowHead(latlngs, colour, dashed) {
    var a = map.project(latlngs[latlngs.length - 2], 8), b = map.project(latlngs[latlngs.length - 1], 8);
    var deg = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
    var html = '<svg width="1" height="1" style="transform:rotate(' + deg.toFixed(1) + 'deg);transform-origin:0 0">' +
      '<path d="M-12 0L-26 -8L-23 0L-26 8Z" fill="' + colour + '" stroke="#fff" stroke-width="1"' +
      (dashed ? ' fill-opacity=".75"' : "") + "/></svg>";
    return L.marker(latlngs[latlngs.length - 1], {icon: L.divIcon({className: "geomap-arrow", html: html,
      iconSize: [0, 0], iconAnchor: [0, 0]}), interactive: false, keyboard: false, pane: "shadowPane"});
  }
  function drawShape(s, colour) {
    var dashed = s.st !== "asserted", style, items = [];
    if (s.k === "area") {
      // A whole country is context more than a place: outline it, barely fill it.
      style = {color: colour, weight: 2, fillColor: colour, dashArray: dashed ? "6 5" : null,
        fillOpacity: s.p === "country" ? 0.03 : dashed ? 0.08 : 0.16, className: "geomap-event-area"};
    } else if (s.k === "bank") {
      style = {color: colour, weight: 6, opacity: 0.45, lineCap: "butt", dashArray: dashed ? "10 6" : null,
        className: "geomap-bank"};
    } else {
      style = {color: colour, weight: 3.5, opacity: 0.9, dashArray: dashed ? "8 6" : null,
        className: s.k === "line" ? "geomap-event-line" : "geomap-movement"};
    }
    var g = L.geoJSON(s.g, {style: function () { return style; }, interactive: true});
    g.bindTooltip(function () { return el("span", null, s.label); }, {sticky: true});
    items.push(g);
    if (s.k === "approach" || s.k === "cross") {
      var coords = s.g.type === "LineString" ? s.g.coordinates : null;
      if (coords && coords.length > 1) {
        var ll = coords.map(function (c) { return L.latLng(c[1], c[0]); });
        items.push(arrowHead(ll, colour, dashed));
      }
    }
    return items;
  }
  // Rivers, areas and (without tiles) countries: context layers under the events.
  function contextLayer(list, style, cls, label) {
    if (!list || !list.length) return null;
    var group = L.featureGroup();
    list.forEach(function (item) {
      var st = Object.assign({}, style, {className: cls});
      var g = L.geoJSON(item.g, {style: function () { return st; }});
      g.eachLayer(function (l) {
        l.on("add", function () { var e = l.getElement && l.getElement(); if (e) e.setAttribute("data-name", item.name); });
      });
      if (item.name) g.bindTooltip(function () { return el("span", null, item.name); }, {sticky: true});
      group.addLayer(g);
    });
    group.addTo(map);
    overlays[label] = group;
    return group;
  }
  var countries = contextLayer(D.countries, {color: "#a39b88", weight: 1, fillColor: "#f3efe4", fillOpacity: 1,
    interactive: false}, "geomap-country", "Countries");
  if (countries) countries.bringToBack();
  contextLayer(D.context_rivers, {color: "#9cc3e0", weight: 1.5, interactive: false}, "geomap-context-river", "Other rivers");
  contextLayer(D.areas, {color: "#555", weight: 1.6, dashArray: "6 4", fill: false}, "geomap-area", "Areas");
  contextLayer(D.rivers, {color: "#3f88c5", weight: 4, opacity: 0.95}, "geomap-river", "Rivers");
  sideGroups.forEach(function (sg) {
    sg.shapes.forEach(function (it) { it[1].forEach(function (l) { sg.shapeLayer.addLayer(l); }); });
    sg.layer.addTo(map);
    sg.shapeLayer.bringToFront();
  });
  if (Object.keys(overlays).length) L.control.layers(null, overlays, {collapsed: true, position: "topright"}).addTo(map);
  // Title and summary.
  if (D.title || D.n_events) {
    var tb = el("div", "geomap-title", D.title || "");
    tb.appendChild(el("small", null, D.n_events + " events \u00b7 " + D.n_located + " located" +
      (D.n_events > D.n_located ? " \u00b7 " + (D.n_events - D.n_located) + " without a location" : "")));
    L.DomEvent.disableClickPropagation(tb);
    container.appendChild(tb);
  }
  // Legend: sides, actions, stances, lines.
  var Legend = L.Control.extend({options: {position: "bottomright"}, onAdd: function () {
    var box = el("div", "geomap-box geomap-legend"), btn = el("button", null, "Legend \u25be"), body = el("div", "body");
    btn.type = "button";
    btn.onclick = function () { box.classList.toggle("collapsed"); };
    box.appendChild(btn);
    function row(html, text, parent) {
      var r = el("div", "row"), sym = el("span"); sym.innerHTML = html;  // html: our own SVG only
      r.appendChild(sym); r.appendChild(el("span", null, text)); (parent || body).appendChild(r);
    }
    function grid() { return body.appendChild(el("div", "grid")); }
    body.appendChild(el("h4", null, "Sides (actor)"));
    sides.forEach(function (s, i) {
      if (!D.sideCounts[i]) return;
      row('<span class="sw" style="background:' + s.colour + '"></span>', s.label + " (" + D.sideCounts[i] + ")");
    });
    body.appendChild(el("h4", null, "Actions"));
    var ga = grid();
    D.actions.forEach(function (a) { row(iconSvg("#555", a, "asserted", 20), a, ga); });
    body.appendChild(el("h4", null, "Stance"));
    var gs = grid();
    [["asserted", "reported"], ["claimed", "claimed"], ["denied", "denied"],
      ["threatened", "threatened"]].forEach(function (s) { row(iconSvg("#555", "other", s[0], 20), s[1], gs); });
    var linesHead = body.appendChild(el("h4", null, "Lines")), nRows = body.childNodes.length;
    function line(stroke, w, dash, op) {
      return '<svg width="26" height="12"><path d="M2 6H24" stroke="' + stroke + '" stroke-width="' + w + '"' +
        (dash ? ' stroke-dasharray="' + dash + '"' : "") + ' stroke-opacity="' + (op || 1) + '"/></svg>';
    }
    if (D.rivers.length) row(line("#3f88c5", 4), "river");
    if (D.shapes.some(function (s) { return s.k === "bank"; })) row(line("#555", 8, null, 0.5), "river bank");
    if (D.areas.length || D.shapes.some(function (s) { return s.k === "area"; })) row(line("#555", 1.6, "6 4"), "province / region");
    if (D.shapes.some(function (s) { return s.k === "approach" || s.k === "cross"; })) {
      row('<svg width="26" height="12"><path d="M2 6H16" stroke="#555" stroke-width="3"/><path d="M24 6L14 1L16 6L14 11Z" fill="#555"/></svg>',
        "movement");
    }
    if (body.childNodes.length === nRows) body.removeChild(linesHead);
    box.appendChild(body);
    L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
    return box;
  }});
  new Legend().addTo(map);
  // Events without a location stay visible as a list.
  if (D.unlocated.length) {
    var Panel = L.Control.extend({options: {position: "bottomleft"}, onAdd: function () {
      var box = el("details", "geomap-box geomap-unlocated"), ol = el("ol");
      box.appendChild(el("summary", null, (D.n_events - D.n_located) + " events without a location"));
      var items = D.unlocated.map(function (k) { return ol.appendChild(el("li", null, summary(k))); });
      box.addEventListener("toggle", function () {  // the sentences are only read once the list is open
        if (box.open && !box.dataset.titled) {
          box.dataset.titled = "1";
          D.unlocated.forEach(function (k, i) { if (col("sentence", k)) items[i].title = col("sentence", k); });
        }
      });
      if (D.n_events - D.n_located > D.unlocated.length) {
        ol.appendChild(el("li", null, "\u2026 and " + (D.n_events - D.n_located - D.unlocated.length) + " more"));
      }
      box.appendChild(ol);
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      return box;
    }});
    new Panel().addTo(map);
  }
  // Time slider: show events up to (or on) a date; undated events always stay.
  if (D.days.length > 1) {
    var Slider = L.Control.extend({options: {position: "bottomleft"}, onAdd: function () {
      var box = el("div", "geomap-box geomap-time"), label = el("div"), input = el("input"), only = el("input"),
        lab = el("label");
      input.type = "range"; input.min = 0; input.max = D.days.length - 1; input.value = D.days.length - 1; input.step = 1;
      only.type = "checkbox";
      lab.appendChild(only); lab.appendChild(document.createTextNode(" only this date"));
      function apply() {
        var cut = D.days[+input.value], exact = only.checked;
        label.textContent = (exact ? "On " : "Up to ") + cut;
        function keep(d) { return d === null || (exact ? d === cut : d <= cut); }
        var on = {};
        sideGroups.forEach(function (sg) {
          sg.current = sg.markers.filter(function (m) { return keep(m.d); });
          on[sg.si] = sg.on;
          sg.shapeLayer.clearLayers();
          sg.shapes.forEach(function (it) {
            if (keep(it[0].d)) it[1].forEach(function (l) { sg.shapeLayer.addLayer(l); });
          });
        });
        host.clearLayers();  // far cheaper than removing markers one by one
        // From allMarkers, not side by side: the clusterer keeps the curve order.
        hostAdd(allMarkers.filter(function (m) { return on[D.side[m.k]] && keep(m.d); }));
        declutter();
      }
      // Re-clustering many markers takes a while: then follow the slider on release only.
      input.addEventListener(D.n_located > 5000 ? "change" : "input", apply);
      only.addEventListener("change", apply);
      label.textContent = "Up to " + D.days[D.days.length - 1];
      box.appendChild(label); box.appendChild(input); box.appendChild(lab);
      L.DomEvent.disableClickPropagation(box);
      return box;
    }});
    new Slider().addTo(map);
  }
  if (D.background) container.style.background = D.background;
  ready();
}
