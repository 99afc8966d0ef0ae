// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything",
    method: "GET",
    // Browsers send a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes.
    headers: {
        "X-Note": String.fromCharCode(...new TextEncoder().encode("café ✓")),
        "X-Latin": String.fromCharCode(...new TextEncoder().encode("naïve")),
        "Accept": "application/json",
    },
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
