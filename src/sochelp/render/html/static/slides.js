// The quiz's slide view: one question at a time; next, back and reveal by key or button.
// No network, no storage, nothing outside this page (the page's CSP allows this script only).
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var position = document.getElementById("position");
  var current = 0;

  function show(n) {
    current = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (slide, k) { slide.hidden = k !== current; });
    position.textContent = "Question " + (current + 1) + " of " + slides.length;
    document.body.setAttribute("data-slide", String(current));
  }

  function reveal() {
    var slide = slides[current];
    var answer = slide.querySelector(".answer");
    var open = answer.hidden;
    answer.hidden = !open;
    slide.classList.toggle("revealed", open);
    document.getElementById("reveal").textContent = open ? "Hide answer (R)" : "Reveal answer (R)";
  }

  function view(name) {
    document.body.className = name === "print" ? "show-print" : "show-slides";
  }

  document.getElementById("next").addEventListener("click", function () { show(current + 1); });
  document.getElementById("back").addEventListener("click", function () { show(current - 1); });
  document.getElementById("reveal").addEventListener("click", reveal);
  document.getElementById("to-print").addEventListener("click", function () { view("print"); });
  document.getElementById("to-slides").addEventListener("click", function () { view("slides"); });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (document.body.className === "show-print") { return; }
    var onButton = event.target && event.target.tagName === "BUTTON";
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || key === "n" || key === "N") {
      show(current + 1);
    } else if (key === "ArrowLeft" || key === "PageUp" || key === "b" || key === "B" || key === "p" || key === "P") {
      show(current - 1);
    } else if (key === "r" || key === "R" || ((key === " " || key === "Enter") && !onButton)) {
      if (slides[current].querySelector(".answer").hidden || key === "r" || key === "R") {
        reveal();
      }
    } else if (key === "Home") {
      show(0);
    } else if (key === "End") {
      show(slides.length - 1);
    } else {
      return;
    }
    event.preventDefault();
  });

  view("slides");
  show(0);
})();
