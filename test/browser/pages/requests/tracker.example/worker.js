// A worker script whose URL matches the "tracker.example" pattern, served from the site itself.
postMessage('worker ran');
onconnect = (e) => e.ports[0].postMessage('shared worker ran');
