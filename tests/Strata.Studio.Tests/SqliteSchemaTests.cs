using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Strata.Studio.Tests;

/// <summary>The schema view on SQLite: structure, and the diagram as SVG (a box per table, a line per foreign key).</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task The_SVG_diagram_draws_a_box_per_table_and_a_line_per_foreign_key_and_downloads_as_a_file()
    {
        await _sqlite.ExecuteAsync("""
            create table teams (id integer primary key, name text);
            create table people (id integer primary key, team_id integer references teams, name text);
            create index people_team on people (team_id);
            create table notes (id integer primary key, person_id integer references people(id), body text check (length(body) < 500));
            create trigger notes_guard before delete on notes begin select raise(abort, 'kept'); end;
            """);
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        var svg = await client.DownloadAsync("/api/diagram.svg?download");
        svg.Status.ShouldBe(HttpStatusCode.OK);
        svg.Type.ShouldBe("image/svg+xml");
        svg.Disposition!.ShouldContain("schema.svg");
        var document = XDocument.Parse(Encoding.UTF8.GetString(svg.Body));
        XNamespace ns = "http://www.w3.org/2000/svg";
        document.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "table").Select(g => (string?)g.Attribute("data-table")).ShouldBe(["notes", "people", "teams"]);
        document.Descendants(ns + "g").Count(g => (string?)g.Attribute("class") == "fk").ShouldBe(2);

        var schema = await client.GetJsonAsync("/api/schema");
        var people = schema.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "people");
        people.GetProperty("foreignKeys")[0].GetProperty("refColumns")[0].GetString().ShouldBe("id");
        people.GetProperty("indexes")[0].GetProperty("definition").GetString().ShouldBe("CREATE INDEX people_team on people (team_id)");
        var notes = schema.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "notes");
        notes.GetProperty("triggers")[0].GetProperty("name").GetString().ShouldBe("notes_guard");
        notes.GetProperty("definition").GetString()!.ShouldContain("check (length(body) < 500)");
        schema.GetProperty("mermaid").GetString()!.ShouldContain("teams ||--o{ people : \"team_id\"");
    }
}
