import json

from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

transport = RequestsHTTPTransport(
    url="http://localhost:8080/anything/graphql",
    headers={
        "X-Request-Id": "hero-1",
    },
)
client = Client(transport=transport)

query = gql("query HeroWithFriends($episode: Episode, $first: Int = 2) {\n  hero(episode: $episode) {\n    name\n    friends(first: $first) {\n      name\n    }\n  }\n}")
query.variable_values = json.loads("{\"episode\": \"JEDI\", \"first\": 3}")
query.operation_name = "HeroWithFriends"

result = client.execute(query)
print(result)
