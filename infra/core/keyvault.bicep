metadata description = 'Key Vault holding the MoEngage API keys. Only settings-service may touch it: it writes keys, and its Dapr secret store reads them.'

import { resourceTags } from '../types.bicep'

param name string
param location string
param tags resourceTags

@description('Name of settings-service\'s identity, the one principal with a role on this vault; keeps the assignment id stable.')
param settingsServiceIdentityName string

@description('Principal id of that identity.')
param settingsServicePrincipalId string

// Key Vault Secrets Officer: read, write and delete secrets, no key or certificate rights, no role management.
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: access is a role assignment we can see and test here.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource settingsServiceSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, settingsServiceIdentityName, secretsOfficerRoleId)
  scope: vault
  properties: {
    principalId: settingsServicePrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
