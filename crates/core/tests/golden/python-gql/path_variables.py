# gql sends GraphQL operations by POST, and this request is not one: see Python requests.
