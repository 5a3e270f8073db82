using Collaboration.Testing;

namespace Collaboration.Silo.Tests;

/// <summary>Test classes sharing the process's throw-away PostgreSQL cluster (each test makes its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}
