using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SpPlus.Benchmarks;

/// <summary>
/// Inserts many entities of one type with one prepared INSERT, in the caller's transaction. Table and column names,
/// value conversions (enums stored by name) and parameter types come from the EF model, so the rows are those
/// SaveChanges would write; the store-generated key is left to the database.
/// </summary>
public sealed class BulkInserter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;

    public BulkInserter(DbContext db, DbTransaction transaction)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .ToList();

        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _columns = new Column[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(_command, $"$p{i}", null, property.IsNullable);
            _command.Parameters.Add(parameter);
            _columns[i] = new Column(
                property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property."),
                mapping.Converter,
                parameter);
        }

        var names = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var values = string.Join(", ", properties.Select((_, i) => $"$p{i}"));
        _command.CommandText = $"INSERT INTO \"{tableName}\" ({names}) VALUES ({values})";
        _command.Prepare();
    }

    public int Count { get; private set; }

    public void Insert(T entity)
    {
        foreach (var column in _columns)
        {
            var value = column.Property.GetValue(entity);
            if (value is not null && column.Converter is not null)
            {
                value = column.Converter.ConvertToProvider(value);
            }

            column.Parameter.Value = value ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();

    private sealed record Column(PropertyInfo Property, ValueConverter? Converter, DbParameter Parameter);
}
