// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
// Choose "pixel.png", "hello.txt" in the page's <input type="file" multiple>, in this order.
const files = document.querySelector("input[type=file]").files;

const form = new FormData();
form.append("title", "Holiday photos");
form.append("photo", new Blob([files[0]], { type: "image/png" }), "pixel.png");
form.append("notes", new Blob([files[1]], { type: "text/plain" }), "hello.txt");
form.append("at", "@hello.txt");

$.ajax({
    url: "http://localhost:8080/anything",
    method: "POST",
    data: form,
    processData: false,
    contentType: false,
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
