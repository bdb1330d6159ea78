metadata description = 'The image a container app runs now, so a repeated `azd provision` keeps what `azd deploy` put there.'

param name string

@description('Whether the app exists already (azd sets SERVICE_<NAME>_RESOURCE_EXISTS).')
param exists bool

resource app 'Microsoft.App/containerApps@2025-01-01' existing = if (exists) {
  name: name
}

output image string = exists ? app!.properties.template!.containers![0].image! : ''
