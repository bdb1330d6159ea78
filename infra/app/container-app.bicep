metadata description = 'One Loyalife service as a Dapr-enabled container app. Its name is also its Dapr app id and its azd service name.'

import { appIdentity, containerAppSecrets, environmentVariable, resourceTags } from '../types.bicep'

@description('App name = Dapr app id = AppHost resource name = azd service name.')
param name string
param location string
param tags resourceTags

param environmentId string
param registryServer string

@description('The app\'s own user-assigned identity (AcrPull, plus whatever role its module grants).')
param identity appIdentity

@description('Whether the app exists already; then its current image is kept.')
param exists bool

@description('External ingress for apps admins reach; internal for apps only other apps call.')
param externalIngress bool

param environmentVariables environmentVariable[]

param secrets containerAppSecrets

param minReplicas int
param maxReplicas int

var port = 8080

// Until `azd deploy` pushes the real image, the app runs a public placeholder that also listens on 8080
// but serves neither /alive nor /health; it gets the platform's default TCP probes instead of ours.
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'

module current 'fetch-image.bicep' = {
  name: '${name}-image'
  params: {
    name: name
    exists: exists
  }
}

var image = empty(current.outputs.image) ? placeholderImage : current.outputs.image

var probes = [
  {
    type: 'Startup'
    httpGet: {
      path: '/alive'
      port: port
    }
    periodSeconds: 5
    failureThreshold: 24
  }
  {
    type: 'Liveness'
    httpGet: {
      path: '/alive'
      port: port
    }
    periodSeconds: 10
    failureThreshold: 3
  }
  {
    type: 'Readiness'
    httpGet: {
      path: '/health'
      port: port
    }
    periodSeconds: 10
    failureThreshold: 3
  }
]

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': name })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: externalIngress
        targetPort: port
        transport: 'http'
        allowInsecure: false
      }
      dapr: {
        enabled: true
        appId: name
        appPort: port
        appProtocol: 'http'
        logLevel: 'info'
      }
      registries: [
        {
          server: registryServer
          identity: identity.id
        }
      ]
      secrets: secrets.entries
    }
    template: {
      containers: [
        {
          name: name
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: environmentVariables
          probes: image == placeholderImage ? [] : probes
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

output name string = app.name
output fqdn string = app.properties.configuration!.ingress!.fqdn!
