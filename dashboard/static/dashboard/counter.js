// The counter page's extras; the page works without them (the typed code is a plain form post).
// - The Scan button appears only where the browser can read QR codes (BarcodeDetector with qr_code) and has a camera:
//   it shows the camera in a <video>, reads a code, fills the input and submits the form.
// - One submission per form: the button is disabled after the first (the server's one-time token is the real guard).
// - The answer is announced again after the page loads, so that screen readers read it out.
// - Void buttons ask for confirmation.
(function () {
  "use strict";

  var form = document.getElementById("redeem-form");
  if (!form) {
    return;
  }
  var input = document.getElementById("code");
  var scanButton = document.getElementById("scan-button");
  var scanner = document.getElementById("scanner");
  var video = document.getElementById("scan-video");
  var status = document.getElementById("scan-status");
  var stopButton = document.getElementById("scan-stop");
  var stream = null;
  var timer = null;
  var submitted = false;

  function say(message) {
    status.textContent = form.dataset[message] || "";
  }

  function submitOnce() {
    if (submitted) {
      return;
    }
    submitted = true;
    document.getElementById("redeem-button").disabled = true;
    form.submit();
  }

  // Back to this page from the browser's history: the form is usable again (the server still answers a resent
  // token with its first answer).
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      submitted = false;
      document.getElementById("redeem-button").disabled = false;
    }
  });

  form.addEventListener("submit", function (event) {
    if (submitted) {
      event.preventDefault();
      return;
    }
    if (!input.value.trim()) {
      return; // the server explains what is missing
    }
    event.preventDefault();
    submitOnce();
  });

  function stopScanning() {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
      stream = null;
    }
    video.srcObject = null;
    scanner.hidden = true;
    scanButton.hidden = false;
  }

  function scanLoop(detector) {
    if (!stream) {
      return;
    }
    if (video.readyState < 2) {
      timer = setTimeout(function () { scanLoop(detector); }, 100);
      return;
    }
    detector.detect(video).then(function (codes) {
      var found = codes.filter(function (code) { return code.rawValue; });
      if (found.length && stream) {
        input.value = found[0].rawValue;
        say("msgSending");
        stopScanning();
        submitOnce();
      } else {
        timer = setTimeout(function () { scanLoop(detector); }, 150);
      }
    }).catch(function () {
      timer = setTimeout(function () { scanLoop(detector); }, 300);
    });
  }

  function startScanning() {
    scanner.hidden = false;
    scanButton.hidden = true;
    say("msgStarting");
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (camera) {
        stream = camera;
        video.srcObject = camera;
        return video.play();
      })
      .then(function () {
        say("msgLooking");
        scanLoop(detector);
      })
      .catch(function () {
        stopScanning();
        scanButton.hidden = true;
        status.textContent = form.dataset.msgFailed;
        scanner.hidden = false;
        stopButton.hidden = true;
        video.hidden = true;
      });
  }

  function scanningPossible() {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return Promise.resolve(false);
    }
    var formats = window.BarcodeDetector.getSupportedFormats
      ? window.BarcodeDetector.getSupportedFormats()
      : Promise.resolve([]);
    return formats.then(function (supported) {
      if (supported.indexOf("qr_code") < 0) {
        return false;
      }
      if (!navigator.mediaDevices.enumerateDevices) {
        return true;
      }
      return navigator.mediaDevices.enumerateDevices().then(function (devices) {
        return devices.some(function (device) { return device.kind === "videoinput"; });
      });
    }).catch(function () {
      return false;
    });
  }

  scanningPossible().then(function (possible) {
    if (possible) {
      scanButton.hidden = false;
      scanButton.addEventListener("click", startScanning);
      stopButton.addEventListener("click", function () {
        stopScanning();
        input.focus();
      });
    }
  });

  // Screen readers announce changes of a live region, not what it held when the page loaded: set it again.
  var answer = document.getElementById("answer");
  if (answer && answer.children.length) {
    var nodes = Array.prototype.slice.call(answer.childNodes);
    answer.textContent = "";
    setTimeout(function () {
      nodes.forEach(function (node) { answer.appendChild(node); });
    }, 150);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (voidForm) {
    voidForm.addEventListener("submit", function (event) {
      if (!window.confirm(voidForm.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
})();
