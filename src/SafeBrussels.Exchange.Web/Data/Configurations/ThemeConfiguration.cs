using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeBrussels.Exchange.Web.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public static readonly Guid IntrafamilyViolence = new("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid StreetHarassment = new("0193a000-0000-7000-8000-000000000002");
    public static readonly Guid Radicalisation = new("0193a000-0000-7000-8000-000000000003");
    public static readonly Guid DrugsAddiction = new("0193a000-0000-7000-8000-000000000004");
    public static readonly Guid NuisanceInsecurity = new("0193a000-0000-7000-8000-000000000005");
    public static readonly Guid CrisisManagement = new("0193a000-0000-7000-8000-000000000006");

    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.ToTable("themes");
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.LabelFr).HasMaxLength(FieldLengths.Name);
        builder.Property(t => t.LabelNl).HasMaxLength(FieldLengths.Name);
        builder.Property(t => t.LabelEn).HasMaxLength(FieldLengths.Name);
        builder.Property(t => t.DescriptionFr).HasMaxLength(FieldLengths.ThemeDescription);
        builder.Property(t => t.DescriptionNl).HasMaxLength(FieldLengths.ThemeDescription);
        builder.Property(t => t.DescriptionEn).HasMaxLength(FieldLengths.ThemeDescription);
        builder.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);

        // The built-in taxonomy: stable keys the exchange format refers to.
        builder.HasData(
            new Theme
            {
                Id = IntrafamilyViolence, Key = "intrafamily-violence", SortOrder = 1,
                LabelFr = "Violences intrafamiliales", LabelNl = "Intrafamiliaal geweld", LabelEn = "Intrafamily violence",
                DescriptionFr = "Violences entre partenaires, envers les enfants ou les aînés au sein de la famille, et leur prévention.",
                DescriptionNl = "Geweld tussen partners, tegen kinderen of ouderen binnen het gezin, en de preventie ervan.",
                DescriptionEn = "Violence between partners, against children or elders within the family, and its prevention.",
            },
            new Theme
            {
                Id = StreetHarassment, Key = "street-harassment", ParentId = IntrafamilyViolence, SortOrder = 2,
                LabelFr = "Harcèlement de rue", LabelNl = "Straatintimidatie", LabelEn = "Street harassment",
                DescriptionFr = "Comportements sexistes et intimidants dans l’espace public.",
                DescriptionNl = "Seksistisch en intimiderend gedrag in de openbare ruimte.",
                DescriptionEn = "Sexist and intimidating behaviour in public space.",
            },
            new Theme
            {
                Id = Radicalisation, Key = "radicalisation", SortOrder = 3,
                LabelFr = "Radicalisme", LabelNl = "Radicalisering", LabelEn = "Radicalisation",
                DescriptionFr = "Prévention du radicalisme violent et accompagnement des personnes et des familles.",
                DescriptionNl = "Preventie van gewelddadige radicalisering en begeleiding van personen en gezinnen.",
                DescriptionEn = "Preventing violent radicalisation and supporting the people and families concerned.",
            },
            new Theme
            {
                Id = DrugsAddiction, Key = "drugs-addiction", SortOrder = 4,
                LabelFr = "Drogues et assuétudes", LabelNl = "Drugs en verslaving", LabelEn = "Drugs and addiction",
                DescriptionFr = "Réduction des risques, consommation dans l’espace public, trafic et accompagnement.",
                DescriptionNl = "Schadebeperking, gebruik in de openbare ruimte, dealen en begeleiding.",
                DescriptionEn = "Harm reduction, use in public space, dealing and support.",
            },
            new Theme
            {
                Id = NuisanceInsecurity, Key = "nuisance-insecurity", SortOrder = 5,
                LabelFr = "Nuisances et sentiment d’insécurité", LabelNl = "Overlast en onveiligheidsgevoel", LabelEn = "Nuisance and the feeling of insecurity",
                DescriptionFr = "Nuisances publiques, incivilités et perception de la sécurité par les habitants.",
                DescriptionNl = "Openbare overlast, incivieke gedragingen en hoe bewoners veiligheid beleven.",
                DescriptionEn = "Public nuisance, incivilities and how residents perceive safety.",
            },
            new Theme
            {
                Id = CrisisManagement, Key = "crisis-management", SortOrder = 6,
                LabelFr = "Gestion de crise", LabelNl = "Crisisbeheer", LabelEn = "Crisis management",
                DescriptionFr = "Préparation, coordination et communication lors d’événements majeurs et de crises.",
                DescriptionNl = "Voorbereiding, coördinatie en communicatie bij grote evenementen en crisissen.",
                DescriptionEn = "Preparation, coordination and communication around major events and crises.",
            });
    }
}
