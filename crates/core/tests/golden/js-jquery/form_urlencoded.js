// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything",
    method: "POST",
    contentType: "application/x-www-form-urlencoded",
    data: [
        { name: "name", value: "Peter Parker" },
        { name: "city", value: "New York & Co" },
        { name: "tag", value: "a" },
        { name: "tag", value: "b=c" },
        { name: "note", value: "é ✓ 100%" },
    ],
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
