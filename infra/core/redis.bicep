metadata description = 'Azure Managed Redis for the dispatcher\'s run locks: TLS only, access-key auth (the key goes to a Container Apps secret, never an output).'

import { resourceTags } from '../types.bicep'

param name string
param location string
param tags resourceTags

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Balanced_B0'
  }
  properties: {
    minimumTlsVersion: '1.2'
    // It holds only short-lived run locks; losing them on a node failure costs at most a duplicate check.
    highAvailability: 'Disabled'
    // Reached from Container Apps over TLS with the access key; a private endpoint would need a VNet.
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    port: 10000
    // One endpoint behind a proxy, so a client that is not cluster-aware works unchanged.
    clusteringPolicy: 'EnterpriseCluster'
    evictionPolicy: 'NoEviction'
    accessKeysAuthentication: 'Enabled'
  }
}

output name string = cluster.name
output hostName string = cluster.properties.hostName
output port int = database.properties.port
