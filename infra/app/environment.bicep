metadata description = 'Container Apps environment: Dapr components the apps share, and the Aspire dashboard that receives their OTLP.'

import { resourceTags } from '../types.bicep'

param name string
param location string
param tags resourceTags

@description('Log Analytics workspace that receives the environment\'s logs.')
param logAnalyticsWorkspaceName string

@description('Key Vault behind the `secretstore` component.')
param keyVaultName string

@description('Client id of settings-service\'s identity: the Dapr secret store reads Key Vault as settings-service.')
param settingsServiceClientId string

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logAnalytics.properties.customerId
        sharedKey: logAnalytics.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

// The Aspire dashboard as a managed component: the platform points each app's OTLP exporter
// (OTEL_EXPORTER_OTLP_ENDPOINT) at it, so the same traces people see locally show up here.
resource aspireDashboard 'Microsoft.App/managedEnvironments/dotNetComponents@2024-10-02-preview' = {
  parent: environment
  name: 'aspire-dashboard'
  properties: {
    componentType: 'AspireDashboard'
  }
}

// Same name, type and scope as components/nightly-sync.yaml. Every replica's sidecar fires;
// the dispatcher's Redis lock keeps one runner per program.
resource nightlySync 'Microsoft.App/managedEnvironments/daprComponents@2025-01-01' = {
  parent: environment
  name: 'nightly-sync'
  properties: {
    componentType: 'bindings.cron'
    version: 'v1'
    metadata: [
      {
        name: 'schedule'
        value: '@every 15m'
      }
      {
        name: 'direction'
        value: 'input'
      }
    ]
    scopes: [
      'moengage-dispatcher'
    ]
  }
}

// Same name, type and scope as components/intraday-tick.yaml: the intraday lane's minute heartbeat.
resource intradayTick 'Microsoft.App/managedEnvironments/daprComponents@2025-01-01' = {
  parent: environment
  name: 'intraday-tick'
  properties: {
    componentType: 'bindings.cron'
    version: 'v1'
    metadata: [
      {
        name: 'schedule'
        value: '@every 1m'
      }
      {
        name: 'direction'
        value: 'input'
      }
    ]
    scopes: [
      'moengage-dispatcher'
    ]
  }
}

// Same name and scope as components/secretstore.yaml; Key Vault instead of the local file, because
// Container Apps offers no file store. It authenticates as settings-service's identity, so no other
// identity needs a role on the vault.
resource secretStore 'Microsoft.App/managedEnvironments/daprComponents@2025-01-01' = {
  parent: environment
  name: 'secretstore'
  properties: {
    componentType: 'secretstores.azure.keyvault'
    version: 'v1'
    metadata: [
      {
        name: 'vaultName'
        value: keyVaultName
      }
      {
        name: 'azureClientId'
        value: settingsServiceClientId
      }
    ]
    scopes: [
      'settings-service'
    ]
  }
}

output id string = environment.id
output name string = environment.name
output defaultDomain string = environment.properties.defaultDomain
