require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/graphql")
request = Net::HTTP::Post.new(uri)
request.body = "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}"
request["X-Request-Id"] = "hero-1"
request["Content-Type"] = "application/json"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
