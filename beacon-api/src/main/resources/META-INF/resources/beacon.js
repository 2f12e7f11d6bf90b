/*! beacon.js: queues events and sends them when the page is hidden or left. Served by the beacon library.
 * Classic script: <script src="/app/beacon.js" data-endpoint="/app/beacon/events"></script>, then beacon.send({...}).
 * ES module: import beacon from '/app/beacon-module.js'. Never throws into the page. */
(function (global) {
  'use strict';
  if (global.beacon && global.beacon.page) return; // loaded twice (a script tag and a module import): one queue
  var QUOTA = 65536; // bytes a browser lets sendBeacon and keepalive fetches carry at once
  var MAX = 60000; // bytes of events per beacon: under the quota, with room for the envelope
  var script = global.document && global.document.currentScript;
  var endpoint = (script && script.getAttribute('data-endpoint')) || '/beacon';
  var page = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  var seq = 0;
  var queue = [];

  function post(events) {
    // Text, not application/json: a text/plain POST needs no CORS preflight.
    var body = JSON.stringify({page: page, seq: ++seq, sentAt: Date.now(), events: []}).slice(0, -2) + events.join(',') + ']}';
    if (size(body) <= QUOTA) {
      try {
        if (global.navigator.sendBeacon && global.navigator.sendBeacon(endpoint, body)) return 'beacon';
      } catch (e) { /* false, or a throw: fall back, never drop */ }
      try {
        if (global.fetch) {
          // Rejected when the quota is taken by other requests in flight: then an XHR, if the page still runs.
          global.fetch(endpoint, {method: 'POST', body: body, keepalive: true, credentials: 'same-origin'})['catch'](function () {
            xhr(body);
          });
          return 'fetch';
        }
      } catch (e) { /* fall back */ }
    }
    return xhr(body);
  }

  function xhr(body) {
    try {
      var request = new XMLHttpRequest();
      request.open('POST', endpoint, true);
      request.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
      request.send(body);
      return 'xhr';
    } catch (e) {
      return null;
    }
  }

  function size(text) {
    return global.TextEncoder ? new global.TextEncoder().encode(text).length : unescape(encodeURIComponent(text)).length;
  }

  function flush() {
    var sent = [];
    try {
      var batch = [];
      var bytes = 2;
      while (queue.length) {
        var length = size(queue[0]) + 1;
        if (batch.length && bytes + length > MAX) {
          sent.push(post(batch));
          batch = [];
          bytes = 2;
        }
        batch.push(queue.shift());
        bytes += length; // an event larger than the quota goes alone, by XHR
      }
      if (batch.length) sent.push(post(batch));
    } catch (e) { /* never into the page */ }
    return sent;
  }

  var beacon = {
    /** Queues an event (any JSON value), sent with the next flush. */
    send: function (event) {
      try {
        // Kept as sent: a change to the object afterwards does not change the event.
        var json = JSON.stringify(event);
        if (typeof json === 'string') queue.push(json);
      } catch (e) { /* a cyclic event is dropped here, never thrown */ }
      return beacon;
    },
    /** Sends what is queued now, in beacons under the keepalive quota; returns how each went. */
    flush: flush,
    /** Points the script at another endpoint: {endpoint: '/app/t/e'}. */
    configure: function (options) {
      if (options && options.endpoint) endpoint = String(options.endpoint);
      return beacon;
    },
    /** This page view's id, sent with every beacon, with a sequence number, so duplicates can be dropped exactly. */
    page: page
  };

  try {
    global.document.addEventListener('visibilitychange', function () {
      if (global.document.visibilityState === 'hidden') flush();
    });
    global.addEventListener('pagehide', flush);
  } catch (e) { /* no document: nothing to listen to */ }
  global.beacon = beacon;
})(typeof globalThis !== 'undefined' ? globalThis : this);
