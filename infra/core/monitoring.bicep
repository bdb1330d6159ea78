metadata description = 'Log Analytics: where the Container Apps environment sends console and system logs.'

import { resourceTags } from '../types.bicep'

param name string
param location string
param tags resourceTags

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

output name string = workspace.name
