using Strata.Schema;

namespace Strata.Sqlite.Tests;

/// <summary>SQLite cannot measure migrations (ADR 012): its schema roles say so before anything is called.</summary>
public sealed class MeasuringRoleTests
{
    [Fact]
    public void Sqlite_has_no_measuring_role_so_callers_see_it_before_calling()
    {
        var roles = ((ISchemaDialect)new SqliteDialect(Path.Combine(Path.GetTempPath(), "never-created.db"))).SchemaRoles;

        roles.Measuring.ShouldBeNull();
        roles.Name.ShouldBe("SQLite");
    }
}
