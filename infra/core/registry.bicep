metadata description = 'Container registry for the three service images; apps pull with their own identity, the deploying principal pushes.'

import { resourceTags } from '../types.bicep'

param name string
param location string
param tags resourceTags

@description('The app identities; each gets AcrPull and nothing else here. Names keep role assignment ids stable.')
param pullIdentities {
  name: string
  principalId: string
}[]

@description('The principal running azd (AZURE_PRINCIPAL_ID); gets AcrPush so `azd deploy` can push images.')
param pushPrincipalId string

@description('User or ServicePrincipal: what kind of principal runs azd.')
@allowed([
  'User'
  'ServicePrincipal'
])
param pushPrincipalType string

// Built-in role definition ids (the same in every tenant).
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var acrPushRoleId = '8311e382-0749-4cb8-b61a-304f252e45ec'

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    // Identities only: no shared admin password exists to leak.
    adminUserEnabled: false
    anonymousPullEnabled: false
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for puller in pullIdentities: {
    name: guid(registry.id, puller.name, acrPullRoleId)
    scope: registry
    properties: {
      principalId: puller.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
    }
  }
]

resource push 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(pushPrincipalId)) {
  name: guid(registry.id, pushPrincipalId, acrPushRoleId)
  scope: registry
  properties: {
    principalId: pushPrincipalId
    principalType: pushPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPushRoleId)
  }
}

output name string = registry.name
output loginServer string = registry.properties.loginServer
