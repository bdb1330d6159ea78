metadata description = 'Types shared by the modules.'

@export()
@description('Resource tags.')
type resourceTags = {
  *: string
}

@export()
@description('A user-assigned managed identity as the other modules need it.')
type appIdentity = {
  @description('Resource id, for attaching the identity to a container app.')
  id: string
  @description('Object id of the service principal, for role assignments.')
  principalId: string
  @description('Application (client) id, for code and Dapr components that pick this identity.')
  clientId: string
}

@export()
@description('One environment variable of a container: a plain value or a reference to a container app secret.')
type environmentVariable = {
  name: string
  value: string?
  secretRef: string?
}

@export()
@secure()
@description('Container Apps secrets. Wrapped in a secure object so the whole list travels as one secure parameter.')
type containerAppSecrets = {
  entries: {
    @description('Secret name; environment variables refer to it with secretRef.')
    name: string
    value: string
  }[]
}
