// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything/oauth",
    method: "GET",
    headers: {
        "Accept": "application/json",
        "Authorization": "Bearer YOUR_ACCESS_TOKEN",
    },
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
