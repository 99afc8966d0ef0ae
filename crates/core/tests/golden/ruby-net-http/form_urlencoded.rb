require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
request.set_form_data([
    ["name", "Peter Parker"],
    ["city", "New York & Co"],
    ["tag", "a"],
    ["tag", "b=c"],
    ["note", "é ✓ 100%"],
])
request["Content-Type"] = "application/x-www-form-urlencoded"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
