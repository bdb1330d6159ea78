namespace Loyalife.AppHost.Tests;

[CollectionDefinition(NightlySyncRun.Collection)]
public sealed class NightlySyncCollection : ICollectionFixture<NightlySyncRun>;
