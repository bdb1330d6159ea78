metadata description = 'Loyalife → MoEngage on Azure Container Apps (azd): three Dapr-enabled apps and what they need.'

targetScope = 'subscription'

import { environmentVariable } from 'types.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Principal running azd (AZURE_PRINCIPAL_ID); it may push images and nothing more.')
param principalId string = ''

@description('Kind of principal running azd: User locally, ServicePrincipal in a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Whether each app exists already (azd: SERVICE_<NAME>_RESOURCE_EXISTS); then its image is kept.')
param settingsServiceExists bool = false
param snapshotServiceExists bool = false
param moengageDispatcherExists bool = false

@secure()
@description('PostgreSQL administrator password. azd generates it once and keeps it in the environment\'s config.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 32
      noSpecial: true
      minLower: 2
      minUpper: 2
      minNumeric: 2
    }
  }
})
param postgresAdministratorPassword string

@secure()
@description('Bearer token for the admin APIs (Admin:Token). azd generates it; read it with `azd env config get infra.parameters.adminToken`.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 40
      noSpecial: true
    }
  }
})
param adminToken string

@description('Entra tenant (directory) id whose people sign in to the admin APIs; empty keeps the admin token the only way in. infra/README.md says how to set up the app registration.')
param entraTenantId string = ''

@description('Application (client) id of the Loyalife app registration (its two app roles, loyalife.viewer and loyalife.editor).')
param entraClientId string = ''

@description('Audience of its access tokens; empty means the client id (v2 tokens). For v1 tokens give the Application ID URI, e.g. api://<client id>.')
param entraAudience string = ''

@description('Any other OpenID Connect authority (Admin:Jwt:Authority) instead of Entra; with adminJwtAudience.')
param adminJwtAuthority string = ''

@description('Audience for adminJwtAuthority\'s tokens (Admin:Jwt:Audience).')
param adminJwtAudience string = ''

@description('The claim that lists a person\'s program ids (Admin:Access:ProgramsClaim); * = every program. docs/access.md.')
param accessProgramsClaim string = 'loyalife_programs'

@description('The claim that holds a person\'s app roles (Admin:Access:RoleClaim).')
param accessRoleClaim string = 'roles'

@description('The role that may see its programs (Admin:Access:ViewerRole).')
param accessViewerRole string = 'loyalife.viewer'

@description('The role that may also change them (Admin:Access:EditorRole).')
param accessEditorRole string = 'loyalife.editor'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var postgresAdministratorLogin = 'loyalife'
var databaseName = 'loyalife'
// Names are known before anything deploys, so role assignment ids and what-if stay predictable.
var names = {
  logAnalytics: 'log-${resourceToken}'
  registry: 'cr${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  postgres: 'psql-${resourceToken}'
  redis: 'redis-${resourceToken}'
  environment: 'cae-${resourceToken}'
  settingsServiceIdentity: 'id-settings-service-${resourceToken}'
  snapshotServiceIdentity: 'id-snapshot-service-${resourceToken}'
  moengageDispatcherIdentity: 'id-moengage-dispatcher-${resourceToken}'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module settingsServiceIdentity 'core/identity.bicep' = {
  scope: resourceGroup
  name: 'settings-service-identity'
  params: {
    name: names.settingsServiceIdentity
    location: location
    tags: tags
  }
}

module snapshotServiceIdentity 'core/identity.bicep' = {
  scope: resourceGroup
  name: 'snapshot-service-identity'
  params: {
    name: names.snapshotServiceIdentity
    location: location
    tags: tags
  }
}

module moengageDispatcherIdentity 'core/identity.bicep' = {
  scope: resourceGroup
  name: 'moengage-dispatcher-identity'
  params: {
    name: names.moengageDispatcherIdentity
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  scope: resourceGroup
  name: 'monitoring'
  params: {
    name: names.logAnalytics
    location: location
    tags: tags
  }
}

module registry 'core/registry.bicep' = {
  scope: resourceGroup
  name: 'registry'
  params: {
    name: names.registry
    location: location
    tags: tags
    pullIdentities: [
      {
        name: names.settingsServiceIdentity
        principalId: settingsServiceIdentity.outputs.identity.principalId
      }
      {
        name: names.snapshotServiceIdentity
        principalId: snapshotServiceIdentity.outputs.identity.principalId
      }
      {
        name: names.moengageDispatcherIdentity
        principalId: moengageDispatcherIdentity.outputs.identity.principalId
      }
    ]
    pushPrincipalId: principalId
    pushPrincipalType: principalType
  }
}

module keyVault 'core/keyvault.bicep' = {
  scope: resourceGroup
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    settingsServiceIdentityName: names.settingsServiceIdentity
    settingsServicePrincipalId: settingsServiceIdentity.outputs.identity.principalId
  }
}

module postgres 'core/postgres.bicep' = {
  scope: resourceGroup
  name: 'postgres'
  params: {
    name: names.postgres
    location: location
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    databaseName: databaseName
  }
}

module redis 'core/redis.bicep' = {
  scope: resourceGroup
  name: 'redis'
  params: {
    name: names.redis
    location: location
    tags: tags
  }
}

module environment 'app/environment.bicep' = {
  scope: resourceGroup
  name: 'container-apps-environment'
  params: {
    name: names.environment
    location: location
    tags: tags
    logAnalyticsWorkspaceName: names.logAnalytics
    keyVaultName: names.keyVault
    settingsServiceClientId: settingsServiceIdentity.outputs.identity.clientId
  }
}

// Read here, at deployment time, straight into a Container Apps secret: the key is never an output.
resource redisCluster 'Microsoft.Cache/redisEnterprise@2025-07-01' existing = {
  scope: resourceGroup
  name: names.redis
}

resource redisDatabase 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' existing = {
  parent: redisCluster
  name: 'default'
}

var loyalifeConnectionString = 'Host=${postgres.outputs.fullyQualifiedDomainName};Database=${postgres.outputs.databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};SSL Mode=VerifyFull'

// Who signs people in: another OIDC provider when named, else the Entra tenant, else nobody (the admin token only).
var jwtAuthority = !empty(adminJwtAuthority)
  ? adminJwtAuthority
  : (empty(entraTenantId) ? '' : '${az.environment().authentication.loginEndpoint}${entraTenantId}/v2.0')
var jwtAudience = !empty(adminJwtAuthority) ? adminJwtAudience : (empty(entraAudience) ? entraClientId : entraAudience)

// The same for both apps the admin APIs live on, so a person's access is decided alike in each (docs/access.md).
var adminJwt environmentVariable[] = empty(jwtAuthority)
  ? []
  : [
      {
        name: 'Admin__Jwt__Authority'
        value: jwtAuthority
      }
      {
        name: 'Admin__Jwt__Audience'
        value: jwtAudience
      }
      {
        name: 'Admin__Access__ProgramsClaim'
        value: accessProgramsClaim
      }
      {
        name: 'Admin__Access__RoleClaim'
        value: accessRoleClaim
      }
      {
        name: 'Admin__Access__ViewerRole'
        value: accessViewerRole
      }
      {
        name: 'Admin__Access__EditorRole'
        value: accessEditorRole
      }
    ]

// Behind Container Apps' ingress the app sees plain HTTP; forwarded headers restore the original scheme and host.
var forwardedHeaders environmentVariable = {
  name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
  value: 'true'
}

// External ingress: admins call its /v1/programs/... API. Its /internal/... routes stay closed to them,
// because they demand the per-revision APP_API_TOKEN that only its Dapr sidecar knows.
module settingsService 'app/container-app.bicep' = {
  scope: resourceGroup
  name: 'settings-service-app'
  params: {
    name: 'settings-service'
    location: location
    tags: tags
    environmentId: environment.outputs.id
    registryServer: registry.outputs.loginServer
    identity: settingsServiceIdentity.outputs.identity
    exists: settingsServiceExists
    externalIngress: true
    minReplicas: 1
    maxReplicas: 3
    secrets: {
      entries: [
        {
          name: 'loyalife-connection'
          value: loyalifeConnectionString
        }
        {
          name: 'admin-token'
          value: adminToken
        }
      ]
    }
    environmentVariables: concat(
      [
        {
          name: 'OTEL_SERVICE_NAME'
          value: 'settings-service'
        }
        forwardedHeaders
        {
          name: 'ConnectionStrings__loyalife'
          secretRef: 'loyalife-connection'
        }
        {
          name: 'Admin__Token'
          secretRef: 'admin-token'
        }
        {
          name: 'SecretStore__Kind'
          value: 'KeyVault'
        }
        {
          name: 'SecretStore__VaultUri'
          value: keyVault.outputs.uri
        }
        {
          // Selects the app's user-assigned identity for Azure.Identity (the Key Vault secret writer).
          name: 'AZURE_CLIENT_ID'
          value: settingsServiceIdentity.outputs.identity.clientId
        }
      ],
      adminJwt
    )
  }
}

// Internal ingress only: every endpoint but health demands the Dapr app token, and only apps call it.
module snapshotService 'app/container-app.bicep' = {
  scope: resourceGroup
  name: 'snapshot-service-app'
  params: {
    name: 'snapshot-service'
    location: location
    tags: tags
    environmentId: environment.outputs.id
    registryServer: registry.outputs.loginServer
    identity: snapshotServiceIdentity.outputs.identity
    exists: snapshotServiceExists
    externalIngress: false
    minReplicas: 1
    maxReplicas: 3
    secrets: {
      entries: [
        {
          name: 'loyalife-connection'
          value: loyalifeConnectionString
        }
      ]
    }
    environmentVariables: [
      {
        name: 'OTEL_SERVICE_NAME'
        value: 'snapshot-service'
      }
      forwardedHeaders
      {
        name: 'ConnectionStrings__loyalife'
        secretRef: 'loyalife-connection'
      }
    ]
  }
}

// External ingress: admins reach /admin and the sync-runs API. /nightly-sync demands the Dapr app token,
// so only the cron binding's sidecar can start the nightly run.
module moengageDispatcher 'app/container-app.bicep' = {
  scope: resourceGroup
  name: 'moengage-dispatcher-app'
  params: {
    name: 'moengage-dispatcher'
    location: location
    tags: tags
    environmentId: environment.outputs.id
    registryServer: registry.outputs.loginServer
    identity: moengageDispatcherIdentity.outputs.identity
    exists: moengageDispatcherExists
    externalIngress: true
    // At least one replica always: the cron binding only fires in a running sidecar.
    minReplicas: 1
    maxReplicas: 2
    secrets: {
      entries: [
        {
          name: 'loyalife-connection'
          value: loyalifeConnectionString
        }
        {
          name: 'redis-connection'
          value: '${redis.outputs.hostName}:${redis.outputs.port},password=${redisDatabase.listKeys().primaryKey},ssl=True,abortConnect=False'
        }
        {
          name: 'admin-token'
          value: adminToken
        }
      ]
    }
    environmentVariables: concat(
      [
        {
          name: 'OTEL_SERVICE_NAME'
          value: 'moengage-dispatcher'
        }
        forwardedHeaders
        {
          name: 'ConnectionStrings__loyalife'
          secretRef: 'loyalife-connection'
        }
        {
          name: 'ConnectionStrings__redis'
          secretRef: 'redis-connection'
        }
        {
          name: 'Admin__Token'
          secretRef: 'admin-token'
        }
      ],
      adminJwt
    )
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_ENVIRONMENT_NAME string = environment.outputs.name
// azd prints the Aspire dashboard link from this one.
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = environment.outputs.defaultDomain
output ASPIRE_DASHBOARD_URL string = 'https://aspire-dashboard.ext.${environment.outputs.defaultDomain}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_POSTGRES_HOST string = postgres.outputs.fullyQualifiedDomainName
output SETTINGS_SERVICE_URL string = 'https://${settingsService.outputs.fqdn}'
output MOENGAGE_DISPATCHER_URL string = 'https://${moengageDispatcher.outputs.fqdn}'
output SNAPSHOT_SERVICE_INTERNAL_HOST string = snapshotService.outputs.fqdn
