require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything?page=2&per_page=50")
request = Net::HTTP::Post.new(uri)
request.body = "[1, 2.5, null, \"x\"]"
request["Accept"] = "application/json"
request["Accept-Language"] = "en-US,en;q=0.9"
request["Cache-Control"] = "no-cache"
request["X-Request-Id"] = "7f3a-11"
request["Content-Type"] = "application/json"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
