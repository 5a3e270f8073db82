namespace Collaboration.Grains.Partners;

/// <summary>What a partner offers newcomers and employers (multi-select). Sent as kebab-case strings.</summary>
public enum ServiceTag
{
    Accueil,
    Francisation,
    Emploi,
    Logement,
    ReconnaissanceDesAcquis,
    AccompagnementDesEmployeurs,
    Education,
    Sante,
    Famille,
    Transport,
    Juridique,
    VieCommunautaire,
}
