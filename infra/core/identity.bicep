metadata description = 'A user-assigned managed identity: one per app, so each gets only its own role assignments.'

import { appIdentity, resourceTags } from '../types.bicep'

param name string
param location string
param tags resourceTags

resource managedIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output identity appIdentity = {
  id: managedIdentity.id
  principalId: managedIdentity.properties.principalId
  clientId: managedIdentity.properties.clientId
}
