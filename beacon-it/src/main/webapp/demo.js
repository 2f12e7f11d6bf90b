'use strict';

// Relative to this page, so the demo works under any context root.
const base = new URL('.', document.location).pathname;

/** Sends a beacon as the seed does, with the fallbacks it lacks: sendBeacon, keepalive fetch, async XHR. */
function send(url, body) {
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) {
        return 'sendBeacon';
    }
    if (window.fetch) {
        fetch(url, {method: 'POST', body, keepalive: true});
        return 'fetch keepalive';
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url, true);
    xhr.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
    xhr.send(body);
    return 'XMLHttpRequest';
}

document.addEventListener('visibilitychange', () => {
    send(base + 'beacon/visibility', Date.now().toString());
});

// The last moment a page is sure to get when it is left or closed.
window.addEventListener('pagehide', () => {
    send(base + 'beacon/pagehide', Date.now().toString());
});

const bodies = {
    string: () => Date.now().toString(),
    json: () => new Blob([JSON.stringify({sentAt: Date.now(), event: 'click'})], {type: 'application/json'}),
    blob: () => new Blob([Date.now().toString()]),
    formdata: () => {
        const form = new FormData();
        form.append('sentAt', Date.now().toString());
        form.append('trace', new Blob([JSON.stringify({frames: []})], {type: 'application/json'}), 'trace.json');
        return form;
    },
    params: () => new URLSearchParams({sentAt: Date.now().toString(), page: location.pathname}),
    arraybuffer: () => new TextEncoder().encode(Date.now().toString()).buffer,
    none: () => undefined,
};

document.querySelectorAll('button[data-body]').forEach(button => button.addEventListener('click', () => {
    const via = document.querySelector('input[name=via]:checked').value;
    const url = base + via + '/demo';
    const kind = button.dataset.body;
    let how;
    if (kind === 'keepalive') {
        fetch(url, {method: 'POST', body: Date.now().toString(), keepalive: true});
        how = 'fetch keepalive';
    } else if (kind === 'pixel') {
        // What pages without JavaScript, and trackers whose sendBeacon failed, send: a GET for an image.
        new Image().src = url + '?' + new URLSearchParams({sentAt: Date.now().toString(), page: location.pathname});
        how = 'an image GET';
    } else {
        how = send(url, bodies[kind]());
    }
    document.getElementById('status').textContent = `Sent ${button.textContent} to ${url} with ${how}.`;
}));

// The library's client script, served from its jar: events queue until the page is hidden or left.
let clicks = 0;
document.getElementById('queue').addEventListener('click', () => {
    beacon.send({type: 'click', n: ++clicks, at: Date.now()});
    document.getElementById('status').textContent = `${clicks} click event(s) queued for beacon/events; hide the page to send them.`;
});

// A typed payload: the page's time to first byte, which the server's observer receives as a WebVital record.
const pageId = Math.random().toString(36).slice(2);
let lastTtfb = 0;
document.getElementById('vital').addEventListener('click', () => {
    const via = document.querySelector('input[name=via]:checked').value;
    const ttfb = performance.getEntriesByType('navigation')[0].responseStart;
    const how = send(base + via + '/vitals', JSON.stringify({id: pageId, name: 'TTFB', value: ttfb, delta: Math.round(ttfb - lastTtfb)}));
    lastTtfb = ttfb;
    document.getElementById('status').textContent = `Sent TTFB to ${base + via}/vitals with ${how}.`;
});

document.getElementById('clear').addEventListener('click', async () => {
    await fetch(base + 'received', {method: 'DELETE'});
    refresh();
});

/** The page's own timestamp, when the body carries one: the text itself, or a sentAt field. */
function sentAt(beacon) {
    if (/^\d{13}$/.test(beacon.text || '')) {
        return Number(beacon.text);
    }
    const field = (beacon.json && beacon.json.sentAt) || (beacon.form && beacon.form.fields.sentAt && beacon.form.fields.sentAt[0]);
    return field ? Number(field) : null;
}

function cell(row, text) {
    const td = row.insertCell();
    td.textContent = text;
    return td;
}

async function refresh() {
    const response = await fetch(base + 'received', {cache: 'no-store'});
    const beacons = await response.json();
    const body = document.getElementById('received');
    body.replaceChildren();
    // Newest first; beacons sent while a page unloads can arrive out of order, so the page's timestamp tells.
    for (const beacon of beacons.reverse()) {
        const row = body.insertRow();
        const sent = sentAt(beacon);
        const received = Date.parse(beacon.receivedAt);
        cell(row, sent ? new Date(sent).toLocaleTimeString() + '.' + String(sent % 1000).padStart(3, '0') : '');
        cell(row, new Date(received).toLocaleTimeString() + '.' + String(received % 1000).padStart(3, '0'));
        cell(row, sent ? (received - sent) + ' ms' : '');
        cell(row, beacon.via);
        cell(row, beacon.endpoint);
        cell(row, beacon.contentType === null ? '(none)' : beacon.contentType);
        cell(row, beacon.bytes);
        cell(row, (beacon.text || '').slice(0, 80)).className = 'text';
    }
}

async function refreshReports() {
    const response = await fetch(base + 'received-reports', {cache: 'no-store'});
    const reports = await response.json();
    const body = document.getElementById('reports');
    body.replaceChildren();
    for (const report of reports.reverse()) {
        const row = body.insertRow();
        cell(row, new Date(Date.parse(report.generatedAt)).toLocaleTimeString());
        cell(row, report.type);
        cell(row, report.via);
        cell(row, report.url || '');
        cell(row, report.subject || '');
        cell(row, report.blocked || '');
        cell(row, report.source || '');
        cell(row, report.line === undefined ? '' : report.line);
    }
}

async function refreshRollups() {
    const response = await fetch(base + 'received-rollups', {cache: 'no-store'});
    const rollups = await response.json();
    const body = document.getElementById('rollups');
    body.replaceChildren();
    for (const rollup of rollups.reverse()) {
        const row = body.insertRow();
        cell(row, new Date(Date.parse(rollup.windowEnd)).toLocaleTimeString());
        cell(row, rollup.endpoint);
        cell(row, rollup.type);
        cell(row, rollup.fingerprint);
        cell(row, rollup.count);
        cell(row, rollup.delivered);
        cell(row, rollup.distinctPages);
        cell(row, rollup.distinctClients);
        cell(row, rollup.sample);
    }
}

async function refreshVitals() {
    const response = await fetch(base + 'received-vitals', {cache: 'no-store'});
    const vitals = await response.json();
    const body = document.getElementById('vitals');
    body.replaceChildren();
    for (const vital of vitals.reverse()) {
        const row = body.insertRow();
        cell(row, vital.id);
        cell(row, vital.name);
        cell(row, vital.value.toFixed(1) + ' ms');
        cell(row, vital.delta);
    }
}

function refreshAll() {
    refresh();
    refreshReports();
    refreshRollups();
    refreshVitals();
}

refreshAll();
setInterval(refreshAll, 1000);
