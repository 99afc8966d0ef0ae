// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything/digest",
    method: "GET",
    username: "o'neil \"q\" $USER",
    password: "p'\"$HOME\\`id` ü",
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
