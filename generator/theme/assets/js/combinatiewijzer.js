/* Barrièrewijzer: combinatiewijzer en "Leg vast". Eigen code, geen bibliotheken.
 *
 * Een verbetering bovenop de pagina: zonder JavaScript blijft een lijst met signalen per barrière
 * en een leeg formulier over. Dit script slaat niets op (geen cookies, geen localStorage) en
 * verstuurt niets; de gegevens staan in combinatiewijzer-data.js, gemaakt bij het bouwen.
 * Tekst uit de inhoud gaat er alleen als tekst in (textContent), nooit als HTML.
 */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attrs[name];
      } else if (name === "className") {
        node.className = attrs[name];
      } else {
        node.setAttribute(name, attrs[name]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function link(href, text, extra) {
    var a = el("a", { href: href, text: text });
    if (extra) {
      a.appendChild(el("span", { className: "bw-sr", text: extra }));
    }
    return a;
  }

  function plain(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* ---- Leg vast: afdrukken en kopiëren als tekst ---- */

  function formText(form) {
    var lines = [];
    form.querySelectorAll("h3, h4, input, textarea").forEach(function (field) {
      if (field.tagName === "H3" || field.tagName === "H4") {
        lines.push("", field.textContent.trim().toUpperCase());
        return;
      }
      var label = form.querySelector('label[for="' + field.id + '"]');
      lines.push((label ? label.textContent.trim() : field.name) + ": " + field.value.trim());
    });
    return "Leg vast (Barrièrewijzer)\n" + lines.join("\n").trim() + "\n";
  }

  function copy(text, status) {
    function fallback() {
      var area = el("textarea", { "aria-hidden": "true", className: "bw-sr" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (e) {
        done = false;
      }
      area.remove();
      status.textContent = done ? "Gekopieerd. Plak het in je eigen dossier." : "Kopiëren lukte niet; selecteer de tekst zelf.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "Gekopieerd. Plak het in je eigen dossier.";
      }, fallback);
    } else {
      fallback();
    }
  }

  function enhanceForm(form) {
    var status = el("p", { role: "status", className: "bw-legvast-status" });
    var print = el("button", { type: "button", className: "md-button", text: "Afdrukken" });
    var copyButton = el("button", { type: "button", className: "md-button", text: "Kopieer als tekst" });
    print.addEventListener("click", function () { window.print(); });
    copyButton.addEventListener("click", function () { copy(formText(form), status); });
    form.appendChild(el("div", { className: "bw-legvast-knoppen" }, [print, " ", copyButton, status]));
  }

  document.querySelectorAll(".bw-legvast").forEach(enhanceForm);

  /* ---- Combinatiewijzer ---- */

  var data = window.BW_COMBINATIEWIJZER;
  var lijst = document.getElementById("bw-cw-lijst");
  if (!data || !lijst) {
    return;
  }
  var note = document.getElementById("bw-cw-zonder-js");
  if (note) {
    note.hidden = true;
  }

  var boxes = [];
  lijst.querySelectorAll("li").forEach(function (item) {
    var a = item.querySelector("a");
    var match = a && /signalen\/([a-z0-9-]+)\.html/.exec(a.getAttribute("href") || "");
    if (!match || !data.signalen[match[1]]) {
      return;
    }
    var id = match[1];
    var signaal = data.signalen[id];
    var box = el("input", { type: "checkbox", name: "signaal", value: id, id: "cw-" + id });
    item.textContent = "";
    item.className = "bw-cw-signaal";
    item.setAttribute("data-signaal", id);
    item.appendChild(box);
    item.appendChild(el("label", { "for": "cw-" + id, text: signaal.titel }));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(link(a.getAttribute("href"), "uitleg", ": " + signaal.titel));
    boxes.push(box);
  });
  /* Elke lijst wordt een groep met de barrière als naam; de lijst zelf blijft een lijst. */
  lijst.querySelectorAll("ul").forEach(function (ul) {
    var kop = ul.previousElementSibling;
    if (kop && kop.id) {
      var groep = el("div", { role: "group", "aria-labelledby": kop.id, "data-groep": kop.id });
      ul.parentNode.insertBefore(groep, ul);
      groep.appendChild(ul);
    }
  });

  /* Bediening: zoeken en rol. */
  var filter = el("input", { type: "search", id: "bw-cw-filter", autocomplete: "off" });
  var rol = el("select", { id: "bw-cw-rol", autocomplete: "off" }, [el("option", { value: "", text: "Kies je rol" })]);
  data.rollen.forEach(function (r) {
    rol.appendChild(el("option", { value: r.id, text: r.titel }));
  });
  var status = el("p", { id: "bw-cw-status", role: "status", text: "Nog niets aangevinkt." });
  var bediening = el("div", { className: "bw-cw-bediening" }, [
    el("p", {}, [el("label", { "for": "bw-cw-rol", text: "Jouw rol" }), rol]),
    el("p", {}, [el("label", { "for": "bw-cw-filter", text: "Zoek in de signalen (typ een woord)" }), filter]),
  ]);
  var balk = el("div", { className: "bw-cw-balk" }, [status, link("#bw-cw-uitkomst", "Naar de uitkomst")]);
  var uitkomst = el("section", { id: "bw-cw-uitkomst", "aria-labelledby": "bw-cw-uitkomst-kop" });
  var kop = lijst.querySelector("h2");
  lijst.insertBefore(bediening, kop ? kop.nextSibling : lijst.firstChild);
  lijst.parentNode.insertBefore(balk, lijst.nextSibling);
  lijst.parentNode.insertBefore(uitkomst, balk.nextSibling);
  var geenTreffer = el("p", { id: "bw-cw-geen", text: "Geen signalen gevonden. Probeer een ander woord.", hidden: "hidden" });
  bediening.appendChild(geenTreffer);

  function ticked() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function applyFilter() {
    var words = plain(filter.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    lijst.querySelectorAll("[data-groep]").forEach(function (groep) {
      var visible = 0;
      groep.querySelectorAll("li[data-signaal]").forEach(function (item) {
        var id = item.getAttribute("data-signaal");
        var haystack = plain(data.signalen[id].zoek);
        var hit = words.every(function (w) { return haystack.indexOf(w) !== -1; }) || item.querySelector("input").checked;
        item.hidden = !hit;
        visible += hit ? 1 : 0;
      });
      groep.hidden = visible === 0;
      document.getElementById(groep.getAttribute("data-groep")).hidden = visible === 0;
      shown += visible;
    });
    geenTreffer.hidden = shown > 0;
  }

  function section(titel, id, children) {
    return el("div", { className: "bw-cw-blok", id: id }, [el("h3", { text: titel })].concat(children));
  }

  function interventieItem(id) {
    var v = data.interventies[id];
    return el("li", { "data-interventie": id }, [link(v.pad, v.titel)]);
  }

  function render() {
    var ids = ticked();
    var set = {};
    ids.forEach(function (id) { set[id] = true; });
    uitkomst.textContent = "";
    uitkomst.hidden = !ids.length;
    if (!ids.length) {
      status.textContent = "Nog niets aangevinkt.";
      updateForm(ids);
      return;
    }
    var barrieres = data.barrieres.filter(function (b) {
      return ids.some(function (id) { return data.signalen[id].barriere === b.id; });
    });
    status.textContent = ids.length + (ids.length === 1 ? " signaal" : " signalen") + " aangevinkt, " +
      barrieres.length + (barrieres.length === 1 ? " barrière." : " barrières.");
    uitkomst.appendChild(el("h2", { id: "bw-cw-uitkomst-kop", text: "Wat je aanvinkte" }));

    var acuut = ids.filter(function (id) { return data.signalen[id].acuut; });
    if (acuut.length) {
      uitkomst.appendChild(el("div", { className: "admonition danger", id: "bw-cw-acuut" }, [
        el("p", { className: "admonition-title", text: "Eerst: bel 112 als iemand nu in gevaar is" }),
        el("p", { text: "Bij deze signalen kan er acuut gevaar zijn. Bel 112, ook als je twijfelt. Confronteer niemand." }),
        el("ul", {}, acuut.map(function (id) { return el("li", {}, [link(data.signalen[id].pad, data.signalen[id].titel)]); })),
      ]));
    }

    uitkomst.appendChild(section("Barrières", "bw-cw-barrieres-blok", [
      el("p", { text: "Je signalen raken " + barrieres.length + " van de " + data.barrieres.length + " barrières." }),
      el("ul", { id: "bw-cw-barrieres" }, barrieres.map(function (b) {
        var count = ids.filter(function (id) { return data.signalen[id].barriere === b.id; }).length;
        return el("li", { "data-barriere": b.id }, [link(b.pad, b.titel), " (" + count + ")"]);
      })),
    ]));

    var vormen = data.vormen.map(function (v) {
      return { vorm: v, count: ids.filter(function (id) { return data.signalen[id].vormen.indexOf(v.id) !== -1; }).length };
    }).filter(function (x) { return x.count > 0; });
    uitkomst.appendChild(section("Vormen van uitbuiting", "bw-cw-vormen-blok", [
      el("ul", { id: "bw-cw-vormen" }, vormen.map(function (x) {
        return el("li", { "data-vorm": x.vorm.id, text: x.vorm.titel + ": " + x.count + " van " + ids.length + " signalen" });
      })),
    ]));

    var binnen = data.paren.filter(function (p) { return set[p[0]] && set[p[1]]; });
    var erbij = {};
    data.paren.forEach(function (p) {
      if (set[p[0]] !== set[p[1]]) {
        var ander = set[p[0]] ? p[1] : p[0];
        if (!erbij[ander]) {
          erbij[ander] = p[2];
        }
      }
    });
    var combinaties = [
      binnen.length
        ? el("ul", { id: "bw-cw-paren" }, binnen.map(function (p) {
          return el("li", { "data-paar": p[0] + " " + p[1] }, [
            el("strong", { text: data.signalen[p[0]].titel + " + " + data.signalen[p[1]].titel }), ": " + p[2]]);
        }))
        : el("p", { text: "Geen bekende combinatie tussen je signalen. Dat betekent niet dat er niets aan de hand is." }),
    ];
    var ook = Object.keys(erbij);
    if (ook.length) {
      combinaties.push(el("p", { text: "Let ook op deze signalen; ze komen vaak samen voor met wat je zag:" }));
      combinaties.push(el("ul", { id: "bw-cw-let-op" }, ook.map(function (id) {
        return el("li", { "data-signaal": id }, [link(data.signalen[id].pad, data.signalen[id].titel), ": " + erbij[id]]);
      })));
    }
    uitkomst.appendChild(section("Bekende combinaties", "bw-cw-paren-blok", combinaties));

    var stappen = [];
    if (acuut.length) {
      stappen.push(el("li", {}, [el("strong", { text: "Bel 112" }), " als iemand nu in gevaar is."]));
    }
    stappen.push(el("li", { text: "Blijf rustig en confronteer niemand die je verdenkt." }));
    stappen.push(el("li", {}, [link("#leg-vast", "Leg vast"), " wat je zag en hoorde: feiten apart van je interpretatie."]));
    stappen.push(el("li", {}, ["Meld het bij de aandachtsfunctionaris: zie ", link("#meldroute", "de meldroute"), "."]));
    var bomen = [];
    ids.forEach(function (id) {
      data.signalen[id].bomen.forEach(function (b) {
        if (bomen.indexOf(b) === -1) { bomen.push(b); }
      });
    });
    var doen = [el("ol", { id: "bw-cw-doen" }, stappen)];
    if (bomen.length) {
      doen.push(el("p", { text: "Twijfel je? Volg een beslisboom:" }));
      doen.push(el("ul", { id: "bw-cw-bomen" }, bomen.map(function (b) {
        return el("li", {}, [link(data.bomen[b].pad, data.bomen[b].titel)]);
      })));
    }
    uitkomst.appendChild(section("Wat doe je nu?", "bw-cw-doen-blok", doen));

    var alle = [];
    ids.forEach(function (id) {
      data.signalen[id].interventies.forEach(function (v) {
        if (alle.indexOf(v) === -1) { alle.push(v); }
      });
    });
    var gekozen = data.rollen.filter(function (r) { return r.id === rol.value; })[0];
    var passend = gekozen && gekozen.interventies ? alle.filter(function (v) { return gekozen.interventies.indexOf(v) !== -1; }) : alle;
    var rest = alle.filter(function (v) { return passend.indexOf(v) === -1; });
    var interventies = [el("p", {
      text: gekozen ? "Wat past bij jouw rol (" + gekozen.titel + "):" : "Kies hierboven je rol om te zien wat bij jou past. Alle interventies bij je signalen:",
    })];
    interventies.push(passend.length
      ? el("ul", { id: "bw-cw-interventies" }, passend.map(interventieItem))
      : el("p", { text: "Voor jouw rol: melden bij de aandachtsfunctionaris." }));
    if (rest.length) {
      interventies.push(el("details", {}, [
        el("summary", { text: "Wat collega's en partners kunnen doen (" + rest.length + ")" }),
        el("ul", { id: "bw-cw-interventies-anderen" }, rest.map(interventieItem)),
      ]));
    }
    uitkomst.appendChild(section("Interventies", "bw-cw-interventies-blok", interventies));
    uitkomst.appendChild(el("p", {}, ["Wie bel je? Zie ", link("#meldroute", "de meldroute"), " hieronder."]));
    updateForm(ids);
  }

  /* Het formulier "Leg vast" krijgt per aangevinkt signaal een vraag; wat al getypt is, blijft staan. */
  function updateForm(ids) {
    var plek = document.getElementById("legvast-signalen");
    if (!plek) {
      return;
    }
    plek.querySelectorAll("[data-signaal]").forEach(function (blok) {
      if (ids.indexOf(blok.getAttribute("data-signaal")) === -1) {
        blok.remove();
      }
    });
    ids.forEach(function (id) {
      if (plek.querySelector('[data-signaal="' + id + '"]')) {
        return;
      }
      var s = data.signalen[id];
      plek.appendChild(el("div", { "data-signaal": id, className: "bw-legvast-signaal" }, [
        el("h4", { id: "legvast-kop-" + id, text: s.titel }),
        el("p", { text: "Let op: " + s.waarneming }),
        el("p", {}, [
          el("label", { "for": "legvast-s-" + id, text: "Wat zag of hoorde je precies?" }),
          el("textarea", { id: "legvast-s-" + id, name: "signaal-" + id, rows: "3", "aria-describedby": "legvast-kop-" + id }),
        ]),
      ]));
    });
  }

  var rolVeld = document.getElementById("legvast-rol");
  rol.addEventListener("change", function () {
    if (rolVeld && (!rolVeld.value || rolVeld.getAttribute("data-auto") === "ja")) {
      rolVeld.value = rol.value ? rol.options[rol.selectedIndex].text : "";
      rolVeld.setAttribute("data-auto", "ja");
    }
    render();
  });
  filter.addEventListener("input", applyFilter);
  boxes.forEach(function (box) { box.addEventListener("change", render); });
  render();
})();
