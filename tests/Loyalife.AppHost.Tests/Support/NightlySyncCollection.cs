namespace Loyalife.AppHost.Tests.Support;

[CollectionDefinition(NightlySyncRun.Collection)]
public sealed class NightlySyncCollection : ICollectionFixture<NightlySyncRun>;
