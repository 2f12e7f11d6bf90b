/*! beacon.js: queues events, sends them in batches, and keeps each batch until the server confirms it. Served by the beacon library.
 * Classic script: <script src="/app/beacon.js" data-endpoint="/app/beacon/events"></script>, then beacon.send({...}).
 * ES module: import beacon from '/app/beacon-module.js'. Never throws into the page. */
(function (global) {
  'use strict';
  if (global.beacon && global.beacon.page) return; // loaded twice (a script tag and a module import): one queue
  var QUOTA = 65536; // bytes a browser lets sendBeacon and keepalive fetches in flight carry together
  var MAX = 60000; // bytes of events per batch: under the quota, with room for the envelope
  var KEPT = 1048576; // characters of unconfirmed batches kept; past it the oldest are given up
  var EXPIRY = 86400000; // a batch kept a day without an answer is given up at the next load
  var RECHECK = 10000; // a batch sent as the page went away is sent again this long after, should the page live on
  var PREFIX = 'beacon.unconfirmed.'; // localStorage keys, one per batch, so that tabs never overwrite each other's
  var script = global.document && global.document.currentScript;
  var endpoint = (script && script.getAttribute('data-endpoint')) || '/beacon';
  var page = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  var seq = 0;
  var queue = [];
  var unconfirmed = []; // batches without a 2xx yet, oldest first: {id, url, body, size, at, due, tries, flying, kept}
  var keepaliveBytes = 0;
  var lost = 0;
  var timer = null;
  var store = storage();

  function storage() {
    try {
      var local = global.localStorage;
      local.getItem(PREFIX); // throws where the page may not use it
      return local;
    } catch (e) {
      return null; // batches then live as long as the page
    }
  }

  function size(text) {
    return global.TextEncoder ? new global.TextEncoder().encode(text).length : unescape(encodeURIComponent(text)).length;
  }

  function batch(events) {
    var number = ++seq;
    var id = page + '.' + number;
    // Text, not application/json: a text/plain POST needs no CORS preflight.
    var body = JSON.stringify({page: page, seq: number, sentAt: Date.now(), events: []}).slice(0, -2) + events.join(',') + ']}';
    var made = {id: id, url: endpoint + (endpoint.indexOf('?') < 0 ? '?' : '&') + 'beacon-id=' + id, body: body, size: size(body),
      at: Date.now(), due: 0, tries: 0};
    unconfirmed.push(made);
    var chars = 0;
    for (var i = unconfirmed.length - 1; i >= 0; i--) {
      chars += unconfirmed[i].body.length;
      if (chars > KEPT && i < unconfirmed.length - 1) giveUp(unconfirmed[i]);
    }
    try {
      store.setItem(PREFIX + id, JSON.stringify({u: made.url, b: body, t: made.at}));
      made.kept = true;
    } catch (e) { /* no storage, or full: kept while the page lives */ }
    return made;
  }

  function forget(sent) {
    var at = unconfirmed.indexOf(sent);
    if (at >= 0) unconfirmed.splice(at, 1);
    try {
      if (sent.kept) store.removeItem(PREFIX + sent.id);
    } catch (e) { /* nothing kept */ }
  }

  function giveUp(sent) {
    forget(sent);
    lost++;
  }

  function attempt(sent, leaving) {
    try {
      if (sent.kept && store.getItem(PREFIX + sent.id) === null) return forget(sent); // another tab had it confirmed
    } catch (e) { /* sent again: the server knows its id */ }
    sent.due = Date.now() + RECHECK;
    if (leaving && sent.size <= QUOTA) {
      // The page is going away, and no answer would be seen: the beacon is the surest way out. Kept until a later answer.
      try {
        if (global.navigator.sendBeacon && global.navigator.sendBeacon(sent.url, sent.body)) return 'beacon';
      } catch (e) { /* false, or a throw: fall back, never drop */ }
    }
    var keepalive = keepaliveBytes + sent.size <= QUOTA; // past the quota a keepalive fetch is rejected
    try {
      if (global.fetch) {
        sent.flying = true;
        if (keepalive) keepaliveBytes += sent.size;
        global.fetch(sent.url, {method: 'POST', body: sent.body, keepalive: keepalive, credentials: 'same-origin'}).then(function (answer) {
          landed(sent, keepalive, answer.status, answer.headers.get('Retry-After'));
        }, function () {
          landed(sent, keepalive, 0, null);
        });
        return 'fetch';
      }
    } catch (e) {
      landed(sent, keepalive, -1, null);
    }
    try {
      var request = new XMLHttpRequest();
      request.open('POST', sent.url, true);
      request.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
      request.onloadend = function () {
        landed(sent, false, request.status, request.getResponseHeader('Retry-After'));
      };
      sent.flying = true;
      request.send(sent.body);
      return 'xhr';
    } catch (e) {
      return null; // tried again later
    }
  }

  /** An answer, or none (0): confirmed by a 2xx, given up on a refusal no resend can change, else sent again later. */
  function landed(sent, keepalive, status, retryAfter) {
    if (sent.flying && keepalive) keepaliveBytes -= sent.size;
    sent.flying = false;
    if (status >= 200 && status < 300) {
      forget(sent);
    } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      giveUp(sent);
    } else if (status >= 0) {
      var seconds = Number(retryAfter); // a number of seconds, or an HTTP date
      var wait = retryAfter ? (isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000) : NaN;
      // Without a Retry-After, 1 s, 2 s, 4 s... up to a minute; spread, so that pages refused together come back apart.
      sent.due = Date.now() + (wait >= 0 ? wait : Math.min(60000, 1000 * Math.pow(2, sent.tries))) + Math.random() * 1000;
      sent.tries++;
    }
    plan();
  }

  function plan() {
    clearTimeout(timer);
    var next = Infinity;
    for (var i = 0; i < unconfirmed.length; i++) {
      if (!unconfirmed[i].flying) next = Math.min(next, unconfirmed[i].due);
    }
    timer = next < Infinity ? setTimeout(resend, Math.max(0, next - Date.now())) : null;
  }

  function resend(leaving) {
    var now = Date.now();
    unconfirmed.slice().forEach(function (sent) {
      if (!sent.flying && sent.due <= now) attempt(sent, leaving === true);
    });
    plan();
  }

  function flush(leaving) {
    var sent = [];
    try {
      var events = [];
      var bytes = 2;
      while (queue.length) {
        var length = size(queue[0]) + 1;
        if (events.length && bytes + length > MAX) {
          sent.push(attempt(batch(events), leaving));
          events = [];
          bytes = 2;
        }
        events.push(queue.shift());
        bytes += length; // an event larger than the quota goes alone, by a fetch without keepalive
      }
      if (events.length) sent.push(attempt(batch(events), leaving));
      if (leaving) {
        resend(true); // what waits its turn may not get another
      } else {
        plan();
      }
    } catch (e) { /* never into the page */ }
    return sent;
  }

  /** What an earlier page of this origin left unconfirmed: sent again now, each batch to where it was sent. */
  function adopt() {
    try {
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf(PREFIX) === 0) {
          var kept = read(key);
          if (kept && Date.now() - kept.t <= EXPIRY) {
            unconfirmed.push({id: key.slice(PREFIX.length), url: kept.u, body: kept.b, size: size(kept.b), at: kept.t, due: 0, tries: 0, kept: true});
          } else {
            store.removeItem(key); // a day old, or not one this script can read
            lost++;
          }
        }
      }
      unconfirmed.sort(function (a, b) { return a.at - b.at; });
      plan();
    } catch (e) { /* no storage */ }
  }

  function read(key) {
    try {
      var kept = JSON.parse(store.getItem(key));
      return typeof kept.u === 'string' && typeof kept.b === 'string' && kept.t > 0 ? kept : null;
    } catch (e) {
      return null;
    }
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
    /** Sends what is queued now, in batches under the keepalive quota; returns how each went ('fetch', 'xhr', or null). */
    flush: function () {
      return flush(false);
    },
    /** Points the script at another endpoint: {endpoint: '/app/t/e'}. */
    configure: function (options) {
      if (options && options.endpoint) endpoint = String(options.endpoint);
      return beacon;
    },
    /** Batches sent and not yet confirmed by a 2xx, and batches given up: refused for good, past the cap, or a day old. */
    status: function () {
      return {unconfirmed: unconfirmed.length, lost: lost};
    },
    /** This page view's id: each batch's id is it, a dot and the batch's sequence number. */
    page: page
  };

  function leave() {
    flush(true);
  }

  try {
    global.document.addEventListener('visibilitychange', function () {
      if (global.document.visibilityState === 'hidden') leave();
    });
    global.addEventListener('pagehide', leave);
  } catch (e) { /* no document: nothing to listen to */ }
  adopt();
  global.beacon = beacon;
})(typeof globalThis !== 'undefined' ? globalThis : this);
