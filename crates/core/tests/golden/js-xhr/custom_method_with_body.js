const xhr = new XMLHttpRequest();
xhr.open("PROPFIND", "http://localhost:8080/anything/dav");
xhr.setRequestHeader("Depth", "1");
xhr.setRequestHeader("Content-Type", "application/xml");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/>\x3C/propfind>");
