require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Patch.new(uri)
request.body = "{\"done\":true}"
request["Authorization"] = "Bearer eyJhbGciOi.abc-123_x"
request["Content-Type"] = "application/json"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
